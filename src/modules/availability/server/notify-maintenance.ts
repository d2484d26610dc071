import "server-only";
import { notifyTenderParticipants } from "@/modules/notifications";
import type { Tx } from "@/server/db";
import { maintenanceNoticeMessage } from "../domain/maintenance-message";

/** Statuses in which a tender's schedule still runs (the same as changeStageSchedule's). */
const RUNNING = ["PUBLISHED", "EVALUATION", "AWARDED"] as const;

/**
 * Tells the participants of every tender with a stage not yet ended that overlaps the
 * window, once per window (notifiedAt), in the caller's transaction: the inbox rows and the
 * outbox mail commit with the announcement or not at all. Returns the number of messages.
 */
export async function notifyMaintenance(tx: Tx, maintenanceId: string, now: Date): Promise<number> {
  const window = await tx.maintenanceWindow.findUniqueOrThrow({
    where: { id: maintenanceId },
    select: { id: true, startsAt: true, endsAt: true, description: true, notifiedAt: true, cancelledAt: true },
  });
  if (window.notifiedAt || window.cancelledAt) return 0;
  const tenders = await tx.tender.findMany({
    where: {
      status: { in: [...RUNNING] },
      stages: {
        some: { startsAt: { lt: window.endsAt }, endsAt: { gt: window.startsAt }, AND: { endsAt: { gt: now } } },
      },
    },
    select: { id: true, code: true, paket: { select: { name: true, agency: { select: { timeZone: true } } } } },
    orderBy: { code: "asc" },
  });
  let sent = 0;
  for (const t of tenders) {
    const ref = { code: t.code, name: t.paket.name, timeZone: t.paket.agency.timeZone };
    sent += await notifyTenderParticipants(tx, t.id, maintenanceNoticeMessage(ref, window));
  }
  await tx.maintenanceWindow.update({ where: { id: window.id }, data: { notifiedAt: now } });
  return sent;
}
