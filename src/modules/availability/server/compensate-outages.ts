import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { SCHEDULED_STATUSES } from "@/modules/tenders/domain";
import { readAvailabilitySettings } from "@/server/availability-settings";
import { db, dbNow } from "@/server/db";
import { ACTION_STAGES } from "../domain/compensation-rule";
import { compensateTender, type ClosedOutage } from "./compensate-tender";

/**
 * The compensation pass (issue 13, docs/decisions/0040): for every closed outage not yet
 * compensated, except a worker's heartbeat gap (users could still act then), every running
 * tender with an action stage overlapping it gets its time back, one tender per
 * transaction (compensate-tender.ts). The outage is marked compensated only after all of
 * them, so a pass that dies in the middle is simply run again: the tenders done already
 * have their Compensation rows (unique per outage and stage) and are skipped.
 * Called by the worker's availability loop and right after a beat recorded an outage.
 * `afterTender` lets a test stop the pass in the middle.
 */
export async function compensateOutages(
  options: { limit?: number; afterTender?: (tenderId: string) => void | Promise<void> } = {},
): Promise<{ outages: number; compensations: number }> {
  const settings = readAvailabilitySettings();
  const outages = await db.outage.findMany({
    where: { compensatedAt: null, endsAt: { not: null }, OR: [{ role: null }, { role: "WEB" }] },
    orderBy: { startsAt: "asc" },
    take: options.limit ?? 20,
    select: { id: true, cause: true, scope: true, startsAt: true, endsAt: true },
  });
  let compensations = 0;
  for (const row of outages) {
    const outage: ClosedOutage = { ...row, endsAt: row.endsAt! };
    // announced windows a new end could fall into: those not over before the outage began
    const maintenance = await db.maintenanceWindow.findMany({
      where: { cancelledAt: null, endsAt: { gt: outage.startsAt } },
      select: { startsAt: true, endsAt: true, endedAt: true, cancelledAt: true },
    });
    const tenders = await db.tender.findMany({
      where: {
        status: { in: [...SCHEDULED_STATUSES] },
        stages: {
          some: {
            kind: { in: [...ACTION_STAGES[outage.scope]] },
            startsAt: { lt: outage.endsAt },
            endsAt: { gt: outage.startsAt },
          },
        },
      },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    let given = 0;
    for (const { id } of tenders) {
      given += await db.$transaction((tx) => compensateTender(tx, outage, id, settings, maintenance), {
        timeout: 60_000,
      });
      await options.afterTender?.(id);
    }
    compensations += given;
    await db.$transaction(async (tx) => {
      const marked = await tx.outage.updateMany({
        where: { id: outage.id, compensatedAt: null },
        data: { compensatedAt: await dbNow(tx) },
      });
      if (marked.count === 0) return; // another process finished it first
      await recordAuditEvent(tx, {
        actor: null,
        action: "availability.outageCompensated",
        entityType: "Outage",
        entityId: outage.id,
        data: { tenders: tenders.length, compensations: given },
      });
    });
  }
  return { outages: outages.length, compensations };
}
