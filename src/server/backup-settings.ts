import path from "node:path";
import { intSetting } from "./int-setting";

/**
 * The backup settings (docs/decisions/0039), read by `npm start`, the worker, the restore
 * command and the drill. No "server-only": the CLI reads it too. Every figure here is
 * configuration, not law: an LPSE sets them to what its continuity plan promises.
 */
type Env = Record<string, string | undefined>;

export interface BackupSettings {
  /** false with SEGEL_BACKUP=0: no archiving, no base backups, no drills (tests, throwaway demos) */
  enabled: boolean;
  /** SEGEL_BACKUP_DIR: belongs on another disk or mount than .data/ (README, "Backups") */
  dir: string;
  /** a segment is archived at the latest this long after a write, even if not full (archive_timeout) */
  archiveTimeoutSeconds: number;
  /** local hour (in the LPSE's zone) of the daily base backup, 0-23 */
  baseBackupHour: number;
  /** keep base sets newer than this many days, and at least `keepCount` of them */
  keepDays: number;
  keepCount: number;
  /** a backup older than this many hours, or a drill older than drillStaleHours, is an alert */
  staleHours: number;
  drillStaleHours: number;
  /** how long a bid's acknowledgement waits for its WAL and files to reach the backup */
  bidAckTimeoutMs: number;
  /** the backup disk is an alert under this share free, or under diskMinFreeBytes */
  diskMinFreePercent: number;
  diskMinFreeBytes: number;
}

export function readBackupSettings(env: Env = process.env, cwd: string = process.cwd()): BackupSettings {
  const flag = (env.SEGEL_BACKUP ?? "1").trim().toLowerCase();
  if (!["0", "1", "true", "false", "on", "off"].includes(flag))
    throw new Error(`SEGEL_BACKUP=${env.SEGEL_BACKUP} is not one of 0, 1, on, off.`);
  return {
    enabled: ["1", "true", "on"].includes(flag),
    dir: path.resolve(cwd, env.SEGEL_BACKUP_DIR || path.join(".data", "backup")),
    archiveTimeoutSeconds: intSetting(env, "SEGEL_BACKUP_ARCHIVE_TIMEOUT_SECONDS", 60, 5, 3600),
    baseBackupHour: intSetting(env, "SEGEL_BACKUP_HOUR", 1, 0, 23),
    keepDays: intSetting(env, "SEGEL_BACKUP_KEEP_DAYS", 14, 1, 3650),
    keepCount: intSetting(env, "SEGEL_BACKUP_KEEP_COUNT", 3, 1, 1000),
    staleHours: intSetting(env, "SEGEL_BACKUP_STALE_HOURS", 26, 1, 24 * 30),
    drillStaleHours: intSetting(env, "SEGEL_BACKUP_DRILL_STALE_HOURS", 26, 1, 24 * 30),
    bidAckTimeoutMs: intSetting(env, "SEGEL_BACKUP_BID_ACK_TIMEOUT_MS", 5000, 0, 60_000),
    diskMinFreePercent: intSetting(env, "SEGEL_BACKUP_DISK_MIN_FREE_PERCENT", 10, 0, 99),
    diskMinFreeBytes: intSetting(env, "SEGEL_BACKUP_DISK_MIN_FREE_MB", 1024, 0, 10_000_000) * 1024 * 1024,
  };
}
