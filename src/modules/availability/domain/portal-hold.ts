/**
 * Whether the portal is up for the schedule worker's purposes (docs/decisions/0040): "no
 * deadline passes while nobody can act". Down while the web servers are silent for longer
 * than the gap or an announced maintenance window runs. No WEB beat yet counts as up, so a
 * worker running alone (tests, a fresh install) still moves tenders.
 */
export type HoldReason = "webSilent" | "maintenance";

export interface PortalState {
  now: Date;
  /** the WEB role's last beat, or null when no web server ever beat */
  webLastBeatAt: Date | null;
  gapSeconds: number;
  isMaintenanceRunning: boolean;
}

export function holdReason({ now, webLastBeatAt, gapSeconds, isMaintenanceRunning }: PortalState): HoldReason | null {
  // maintenance first: it is the announced explanation of a silence too
  if (isMaintenanceRunning) return "maintenance";
  if (webLastBeatAt && now.getTime() - webLastBeatAt.getTime() > gapSeconds * 1000) return "webSilent";
  return null;
}
