/**
 * Whether the portal is up for the schedule worker's purposes (docs/decisions/0040): "no
 * deadline passes while nobody can act". Down while the web servers are silent for longer
 * than the gap or an announced maintenance window runs; and until the time an outage took
 * has been given back: a stage must not close in the moment between the end of an outage
 * and its compensation (the window that just ended not yet recorded, or a closed outage the
 * compensation pass has not finished). No WEB beat yet counts as up, so a worker running
 * alone (tests, a fresh install) still moves tenders.
 */
export type HoldReason = "webSilent" | "maintenance" | "compensating";

export interface PortalState {
  now: Date;
  /** the WEB role's last beat, or null when no web server ever beat */
  webLastBeatAt: Date | null;
  gapSeconds: number;
  isMaintenanceRunning: boolean;
  /** a maintenance window has ended and its outage is not recorded yet */
  hasUnrecordedMaintenance: boolean;
  /** a closed outage that is compensated (not a worker's silence) awaits the compensation pass */
  hasPendingCompensation: boolean;
}

export function holdReason(state: PortalState): HoldReason | null {
  const { now, webLastBeatAt, gapSeconds } = state;
  // maintenance first: it is the announced explanation of a silence too
  if (state.isMaintenanceRunning) return "maintenance";
  if (webLastBeatAt && now.getTime() - webLastBeatAt.getTime() > gapSeconds * 1000) return "webSilent";
  if (state.hasUnrecordedMaintenance) return "maintenance";
  if (state.hasPendingCompensation) return "compensating";
  return null;
}
