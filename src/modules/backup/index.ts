import "server-only";

// What other modules use, and only that: light, so the web bundle never carries the base
// backup, the restore or the drill. The worker and `npm run segel -- backup` (src/cli, the
// composition root) import those from their own files.

// A bid's acknowledgement waits for its files and WAL to reach the backup (submitBid).
export { confirmInBackup } from "./server/confirm-in-backup";

// /api/health and /status read how fresh the backup is (availability module).
export { readBackupFreshness, type BackupFreshness } from "./server/backup-freshness";
