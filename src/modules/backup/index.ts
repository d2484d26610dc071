import "server-only";

// The file store's backup: each durable object copied once to files/<area>/<id> (the worker's
// tick, and a bid's acknowledgement for its sealed files).
export { copyStoreObject, copyNewStoreObjects, DURABLE_AREAS } from "./server/store-copy";
// A base backup: the data directory between pg_backup_start/stop, exact row counts at a named
// restore point, the file store, and the signed manifest (the worker and `backup now`).
export { takeBaseBackup } from "./server/take-base-backup";
export type { BaseBackupOptions, BaseBackupResult } from "./server/take-base-backup";
// The worker's job (src/cli/worker.ts) and the page's reading and its drill request (/admin/cadangan).
export { runBackupTick, runStoreCopyTick } from "./server/backup-jobs";
export type { BackupJob, BackupJobParts } from "./server/backup-jobs";
export { backupJobParts } from "./server/job-parts";
export { getBackupHealth, getBackupOverview } from "./server/get-backup-overview";
export { requestDrill } from "./server/request-drill";
// A bid's acknowledgement waits for its files and WAL to reach the backup; the archiver's state.
export { confirmInBackup } from "./server/confirm-in-backup";
export type { InBackup } from "./server/confirm-in-backup";
export { archiverStatus, awaitArchived } from "./server/wal-archive";
export type { ArchiverStatus } from "./server/wal-archive";
// Restore and the drill (docs/decisions/0039): a set into a new data directory, the WAL
// chain, the proof that any restored cluster holds what was backed up, the drill itself.
export { restoreCluster, RestoreError } from "./server/restore-cluster";
export type { RestoreOptions, RestoreResult, RestoreTarget } from "./server/restore-cluster";
export { startRestored } from "./server/start-restored";
export { restoreFileStore } from "./server/restore-file-store";
export { checkWalChain } from "./server/check-wal-chain";
export { verifyRestoredCluster } from "./server/verify-restored";
export type { VerifyReport, VerifyChecks } from "./server/verify-restored";
export { runRestoreDrill } from "./server/run-restore-drill";
export type { DrillReport } from "./server/run-restore-drill";
