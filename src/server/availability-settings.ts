import { intSetting } from "./int-setting";
/**
 * The availability settings (docs/decisions/0040), read by the web server, the worker and
 * the status page. No "server-only": the CLI reads it too. Every figure is configuration,
 * not law; the basis of each is written beside it and shown on /status.
 */
type Env = Record<string, string | undefined>;

export interface AvailabilitySettings {
  /** each web server and worker process writes its heartbeat this often */
  heartbeatSeconds: number;
  /** a silence of every process of a role longer than this is a downtime interval; at least 2 beats */
  gapSeconds: number;
  /** the health endpoint calls the worker stale when its last beat is older than this */
  workerStaleSeconds: number;
  /**
   * downtime within this many hours before the end of a stage in which people act gets that
   * stage the procedure's minimum remaining time after the downtime, not only the time lost
   * (configuration, not law: the last day before a deadline is when most bids are uploaded)
   */
  compensationLeadHours: number;
  /** time given back is rounded up to whole units of this many minutes (configuration, not law) */
  compensationUnitMinutes: number;
  /** maintenance must be announced at least this many hours ahead (configuration, not law) */
  maintenanceNoticeHours: number;
}

export function readAvailabilitySettings(env: Env = process.env): AvailabilitySettings {
  const heartbeatSeconds = intSetting(env, "SEGEL_HEARTBEAT_SECONDS", 15, 1, 300);
  const gapSeconds = intSetting(env, "SEGEL_DOWNTIME_GAP_SECONDS", 120, 2, 86_400);
  if (gapSeconds < 2 * heartbeatSeconds)
    throw new Error(
      `SEGEL_DOWNTIME_GAP_SECONDS=${gapSeconds} must be at least two heartbeats (2 × SEGEL_HEARTBEAT_SECONDS=${heartbeatSeconds}).`,
    );
  return {
    heartbeatSeconds,
    gapSeconds,
    workerStaleSeconds: intSetting(env, "SEGEL_WORKER_STALE_SECONDS", Math.max(120, gapSeconds), 2, 86_400),
    compensationLeadHours: intSetting(env, "SEGEL_COMPENSATION_LEAD_HOURS", 24, 0, 720),
    compensationUnitMinutes: intSetting(env, "SEGEL_COMPENSATION_UNIT_MINUTES", 60, 1, 1440),
    maintenanceNoticeHours: intSetting(env, "SEGEL_MAINTENANCE_NOTICE_HOURS", 24, 0, 720),
  };
}
