import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow } from "@/server/db";
import { lockMaintenance } from "./schedule-maintenance";

/**
 * Records every window that has ended (at its planned end, or when it was ended early) as
 * a MAINTENANCE outage of the whole instance, once: the outage's unique maintenanceId and
 * the maintenance lock make a second run (or a second worker) record nothing. The
 * compensation pass then gives the time back like any other downtime. Returns how many
 * outages were recorded.
 */
export async function recordEndedMaintenance(): Promise<number> {
  return db.$transaction(async (tx) => {
    await lockMaintenance(tx);
    const now = await dbNow(tx);
    const ended = await tx.maintenanceWindow.findMany({
      where: {
        cancelledAt: null,
        outage: null,
        OR: [{ endedAt: { lte: now } }, { endedAt: null, endsAt: { lte: now } }],
      },
      select: { id: true, startsAt: true, endsAt: true, endedAt: true, description: true },
      orderBy: { startsAt: "asc" },
    });
    for (const w of ended) {
      const endsAt = w.endedAt ?? w.endsAt;
      const outage = await tx.outage.create({
        data: {
          cause: "MAINTENANCE",
          scope: "INSTANCE",
          startsAt: w.startsAt,
          endsAt,
          description: w.description,
          maintenanceId: w.id,
          recordedAt: now,
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actor: null,
        action: "maintenance.recorded",
        entityType: "Outage",
        entityId: outage.id,
        data: { maintenanceId: w.id, startsAt: w.startsAt.toISOString(), endsAt: endsAt.toISOString() },
      });
    }
    return ended.length;
  });
}
