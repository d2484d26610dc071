// The backup page's parts (/admin/cadangan) and the admin dashboard's card.
export { BackupCard } from "./backup-card";
export { BackupHealthLine } from "./backup-health-line";
export { BackupTable } from "./backup-table";
export { DrillHistory, DrillSummary } from "./drill-report";
export { RecoveryPoint } from "./recovery-point";
export { RequestDrillButton } from "./request-drill-button";
