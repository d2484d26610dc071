import "server-only";
import { db, dbNow } from "@/server/db";
import { readAvailabilitySettings } from "@/server/availability-settings";
import { holdReason, type HoldReason } from "../domain/portal-hold";

// How long after an outage ended (or was recorded) the schedule waits for its compensation
// at most (configuration, not law).
const COMPENSATION_WAIT_MS = 60 * 60_000;

/**
 * Is the portal up (docs/decisions/0040)? The worker's schedule tick does nothing while it is
 * not, so no stage closes while nobody can act, nor before the time an outage took is given
 * back. Read from the tables directly, not from a cache: it decides deadlines. The wait for
 * the compensation is bounded: the pass normally follows within a heartbeat, and one that
 * keeps failing (logged by the worker) must not freeze every tender's schedule for good.
 */
export async function portalIsUp(
  at?: Date,
  options: { gapSeconds?: number } = {},
): Promise<{ up: boolean; reason: HoldReason | null }> {
  const gapSeconds = options.gapSeconds ?? readAvailabilitySettings().gapSeconds;
  const now = at ?? (await dbNow());
  const recent = new Date(now.getTime() - COMPENSATION_WAIT_MS);
  const [web, running, unrecorded, pending] = await Promise.all([
    db.availabilityBeat.findUnique({ where: { role: "WEB" }, select: { lastBeatAt: true } }),
    db.maintenanceWindow.findFirst({
      where: { cancelledAt: null, endedAt: null, startsAt: { lte: now }, endsAt: { gt: now } },
      select: { id: true },
    }),
    db.maintenanceWindow.findFirst({
      where: {
        cancelledAt: null,
        outage: { is: null },
        OR: [{ endedAt: { lte: now, gte: recent } }, { endedAt: null, endsAt: { lte: now, gte: recent } }],
      },
      select: { id: true },
    }),
    // what the compensation pass (compensate-outages.ts) still has to do: a worker's silence is not compensated
    db.outage.findFirst({
      where: {
        compensatedAt: null,
        endsAt: { not: null },
        AND: [
          { OR: [{ role: null }, { role: "WEB" }] },
          { OR: [{ endsAt: { gte: recent } }, { recordedAt: { gte: recent } }] },
        ],
      },
      select: { id: true },
    }),
  ]);
  const reason = holdReason({
    now,
    webLastBeatAt: web?.lastBeatAt ?? null,
    gapSeconds,
    isMaintenanceRunning: running !== null,
    hasUnrecordedMaintenance: unrecorded !== null,
    hasPendingCompensation: pending !== null,
  });
  return { up: reason === null, reason };
}
