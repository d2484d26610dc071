// What other modules and src/server may import from the backup module's pure rules.
export { BACKUP_ALERT_KINDS, BACKUP_RUN_STATUSES, DRILL_STATUSES, DRILL_TRIGGERS } from "./records";
export type { BackupAlertKind, BackupRunStatus, DrillStatus, DrillTrigger } from "./records";
