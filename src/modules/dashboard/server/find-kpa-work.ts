import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { agencyScope } from "./scope";

/**
 * What waits for the PA/KPA of the actor's agencies: sanggah banding without an answer
 * and penunjukan langsung requests without a decision.
 */
export async function findKpaWork(actor: Actor) {
  const agencyIds = agencyScope(actor, "KPA");
  const inAgencies = { paket: { agencyId: { in: agencyIds } } };
  const [appeals, appointments] = await Promise.all([
    db.sanggah.findMany({
      where: { kind: "SANGGAH_BANDING", answeredAt: null, tender: inAgencies },
      orderBy: { filedAt: "asc" },
      select: {
        id: true,
        filedAt: true,
        tender: { select: { id: true, code: true, paket: { select: { name: true } } } },
      },
    }),
    db.penunjukanLangsung.findMany({
      where: { decision: null, failedTender: inAgencies },
      orderBy: { requestedAt: "asc" },
      select: {
        id: true,
        requestedAt: true,
        failedTender: { select: { code: true, paket: { select: { name: true } } } },
      },
    }),
  ]);
  return { appeals, appointments };
}
