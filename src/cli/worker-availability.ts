// The worker's part in the availability ledger (docs/decisions/0040): its own heartbeat with
// what follows it, and the hold that keeps the schedule tick from closing a stage while
// the portal is down. Used by src/cli/worker.ts (run with --conditions=react-server).
import os from "node:os";
import { portalIsUp } from "@/modules/availability/server/portal-hold";
import { compensateOutages } from "@/modules/availability/server/compensate-outages";
import { recordEndedMaintenance } from "@/modules/availability/server/record-ended-maintenance";
import { recordHeartbeat } from "@/modules/availability/server/record-heartbeat";
import type { TickResult } from "@/modules/schedule/server/run-schedule-tick";
import type { WorkerLog } from "@/modules/schedule/worker-loop";
import type { AvailabilitySettings } from "@/server/availability-settings";

const nothing: TickResult = { checked: 0, transitions: [] };

/**
 * Each availability tick: the worker beats (a worker silence is recorded with role WORKER),
 * a maintenance window that ended becomes an outage, and every closed outage not yet
 * compensated is given back, in that order, so a gap is compensated in the tick that found it.
 */
export function availabilityTick(settings: AvailabilitySettings, log: WorkerLog) {
  const me = { host: os.hostname(), pid: process.pid, startedAt: new Date() };
  return async (): Promise<TickResult> => {
    const { outage } = await recordHeartbeat("WORKER", me, { gapSeconds: settings.gapSeconds });
    if (outage) log.info({ outage }, "worker downtime recorded");
    const ended = await recordEndedMaintenance();
    if (ended > 0) log.info({ ended }, "ended maintenance recorded as downtime");
    const given = await compensateOutages();
    if (given.compensations > 0 || given.outages > 0) log.info({ ...given }, "compensation pass");
    return nothing;
  };
}

/**
 * The schedule tick, held while the portal is not up (the web silent past the gap, or a
 * maintenance window running): no deadline passes while nobody can act. The hold is
 * logged when it starts and when it ends, not on every tick.
 */
export function heldScheduleTick(
  tick: (options: { limit: number }) => Promise<TickResult>,
  settings: AvailabilitySettings,
  log: WorkerLog,
) {
  let heldFor: string | null = null;
  return async (options: { limit: number }): Promise<TickResult> => {
    const { up, reason } = await portalIsUp(undefined, { gapSeconds: settings.gapSeconds });
    if (!up) {
      if (heldFor !== reason) log.info({ reason }, "schedule held: the portal is not up");
      heldFor = reason;
      return nothing;
    }
    if (heldFor) log.info({ reason: heldFor }, "schedule resumed: the portal is up again");
    heldFor = null;
    return tick(options);
  };
}
