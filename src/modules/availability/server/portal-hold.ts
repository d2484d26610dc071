import "server-only";
import { db, dbNow } from "@/server/db";
import { readAvailabilitySettings } from "@/server/availability-settings";
import { holdReason, type HoldReason } from "../domain/portal-hold";

/**
 * Is the portal up (docs/decisions/0040)? The worker's schedule tick does nothing while it is
 * not, so no stage closes while nobody can act. Read from the tables directly (the WEB beat
 * and a running, uncancelled, not-ended maintenance window), not from a cache: it decides deadlines.
 */
export async function portalIsUp(
  at?: Date,
  options: { gapSeconds?: number } = {},
): Promise<{ up: boolean; reason: HoldReason | null }> {
  const gapSeconds = options.gapSeconds ?? readAvailabilitySettings().gapSeconds;
  const now = at ?? (await dbNow());
  const [web, running] = await Promise.all([
    db.availabilityBeat.findUnique({ where: { role: "WEB" }, select: { lastBeatAt: true } }),
    db.maintenanceWindow.findFirst({
      where: { cancelledAt: null, endedAt: null, startsAt: { lte: now }, endsAt: { gt: now } },
      select: { id: true },
    }),
  ]);
  const reason = holdReason({
    now,
    webLastBeatAt: web?.lastBeatAt ?? null,
    gapSeconds,
    isMaintenanceRunning: running !== null,
  });
  return { up: reason === null, reason };
}
