import "server-only";
import { agenciesFor, type Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { stagesAt, summarizeStages } from "./stage-summary";

/**
 * Tenders of the Pokja(s) the actor sits on, in agencies where the actor still holds
 * the POKJA role; drafts first, then by last change. The stage is the schedule's at the
 * database's time (stageInForce), as on every other page.
 */
export async function findPokjaTenders(actor: Actor) {
  const agencyIds = agenciesFor(actor, "tender.setup");
  if (agencyIds.length === 0) return [];
  const now = await dbNow();
  const rows = await db.tender.findMany({
    where: { paket: { agencyId: { in: agencyIds } }, pokja: { members: { some: { userId: actor.userId } } } },
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
    take: 100,
    select: {
      id: true,
      code: true,
      status: true,
      stages: stagesAt(now),
      paket: { select: { name: true, category: true, hps: true } },
      pokja: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    status: r.status,
    currentStage: summarizeStages(r.status, r.stages, now).currentStage,
    paketName: r.paket.name,
    category: r.paket.category,
    hps: r.paket.hps,
    pokjaName: r.pokja?.name ?? "",
  }));
}
