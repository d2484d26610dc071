import "server-only";
import { applyRetention } from "./apply-retention";
import type { BackupJobParts } from "./backup-jobs";
import { runRestoreDrill } from "./run-restore-drill";
import { copyNewStoreObjects } from "./store-copy";
import { takeBaseBackup } from "./take-base-backup";

/** The job's real parts: the store copy, the base backup, retention and the drill of this module. */
export const backupJobParts: BackupJobParts = {
  copyNewStoreObjects: (backupRoot) => copyNewStoreObjects(backupRoot),
  takeBaseBackup: (options) => takeBaseBackup(options),
  applyRetention: async ({ backupRoot, ...options }) => (await applyRetention(backupRoot, options)).removedSets,
  runRestoreDrill: async (options) => {
    const report = await runRestoreDrill(options);
    return { ...report, checks: { ...report.checks } };
  },
};
