/**
 * The values of the backup job's records (Prisma's BackupRunStatus, DrillTrigger, DrillStatus
 * and BackupAlertKind, held to the schema in src/server/domain-enums.ts).
 */
export const BACKUP_RUN_STATUSES = ["RUNNING", "COMPLETE", "FAILED", "EXPIRED"] as const;
export type BackupRunStatus = (typeof BACKUP_RUN_STATUSES)[number];

/** why a drill ran: the daily one, after a base backup, an ADMIN_LPSE's request, a worker's first tick */
export const DRILL_TRIGGERS = ["SCHEDULE", "AFTER_BACKUP", "REQUEST", "START"] as const;
export type DrillTrigger = (typeof DRILL_TRIGGERS)[number];

export const DRILL_STATUSES = ["REQUESTED", "RUNNING", "PASSED", "FAILED"] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];

/** what the job watches; each kind has at most one open alert */
export const BACKUP_ALERT_KINDS = [
  "ARCHIVE_FAILING",
  "BACKUP_STALE",
  "BACKUP_FAILED",
  "DRILL_FAILED",
  "DRILL_STALE",
  "DISK_LOW",
  "STORE_COPY_FAILING",
] as const;
export type BackupAlertKind = (typeof BACKUP_ALERT_KINDS)[number];
