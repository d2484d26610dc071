import "server-only";
import { agenciesFor, type Actor } from "@/modules/auth/domain/permissions";
import { db } from "@/server/db";

/**
 * Tenders of the Pokja(s) the actor sits on, in agencies where the actor still holds
 * the POKJA role; drafts first, then by last change. The stage is the one the schedule
 * worker last recorded.
 */
export async function findPokjaTenders(actor: Actor) {
  const agencyIds = agenciesFor(actor, "tender.setup");
  if (agencyIds.length === 0) return [];
  const rows = await db.tender.findMany({
    where: { paket: { agencyId: { in: agencyIds } }, pokja: { members: { some: { userId: actor.userId } } } },
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
    take: 100,
    select: {
      id: true,
      code: true,
      status: true,
      currentStage: true,
      paket: { select: { name: true, category: true, hps: true } },
      pokja: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    status: r.status,
    currentStage: r.currentStage,
    paketName: r.paket.name,
    category: r.paket.category,
    hps: r.paket.hps,
    pokjaName: r.pokja?.name ?? "",
  }));
}
