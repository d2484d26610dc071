import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";

/**
 * The compensations of one tender for its Pokja page (issue 13): each with the outage it
 * answers (interval, cause, scope, description), the stage, the time lost and given, the old
 * and new end, the Pokja's additions, and whether one may still be added (the stage has not
 * ended, by the database clock). Only the tender's own Pokja sees it (NOT_FOUND otherwise).
 */
export async function findTenderCompensations(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "compensation.add");
  const [now, rows, stages] = await Promise.all([
    dbNow(),
    db.compensation.findMany({
      where: { tenderId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        stageId: true,
        stageKind: true,
        lostSeconds: true,
        extensionSeconds: true,
        oldEndsAt: true,
        newEndsAt: true,
        createdAt: true,
        outage: { select: { cause: true, scope: true, startsAt: true, endsAt: true, description: true } },
        additions: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            seconds: true,
            reason: true,
            oldEndsAt: true,
            newEndsAt: true,
            createdAt: true,
            addedBy: { select: { name: true } },
          },
        },
      },
    }),
    db.tenderStage.findMany({ where: { tenderId }, select: { id: true, endsAt: true } }),
  ]);
  const stageEnd = new Map(stages.map((s) => [s.id, s.endsAt]));
  return rows.map((r) => {
    const endsAt = stageEnd.get(r.stageId) ?? r.newEndsAt;
    return { ...r, stageEndsAt: endsAt, canAdd: endsAt.getTime() > now.getTime() };
  });
}

export type TenderCompensation = Awaited<ReturnType<typeof findTenderCompensations>>[number];
