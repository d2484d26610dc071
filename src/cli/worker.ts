// The background worker: moves announced tenders from stage to stage by the database
// clock, whether or not anyone is signed in, and sends the e-mail that use cases wrote
// to the outbox (after their commit, with retries) and the bid-deadline reminders. Started by src/cli/start.ts beside the web
// server; run it alone with
//   DATABASE_URL=... tsx --conditions=react-server src/cli/worker.ts
// ("react-server" turns the "server-only" guard into a no-op outside Next).
// Several workers may run at once: each tick takes its rows FOR UPDATE SKIP LOCKED.
import { runAlertsTick } from "@/modules/alerts";
import { runAuditLogTick } from "@/modules/audit/server/run-audit-log-tick";
import { runBackupTick, runStoreCopyTick, type BackupJob } from "@/modules/backup/server/backup-jobs";
import { backupJobParts } from "@/modules/backup/server/job-parts";
import { removeExpiredStagedFiles } from "@/modules/bids/server/remove-expired-staged-files";
import { removeExpiredUploads } from "@/modules/bids/server/resumable/remove-expired-uploads";
import { runNotificationTick } from "@/modules/notifications/server/run-notification-tick";
import { runScheduleTick } from "@/modules/schedule/server/run-schedule-tick";
import { intervalFromEnv, runWorkerLoop } from "@/modules/schedule/worker-loop";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { exitUnlessClusterSettings } from "@/server/cluster-settings";
import { readBackupSettings } from "@/server/backup-settings";
import { readAvailabilitySettings } from "@/server/availability-settings";
import { availabilityTick, heldScheduleTick } from "./worker-availability";

// a worker of a cluster signs heads and opens bids only with the cluster's shared keys (docs/decisions/0017)
exitUnlessClusterSettings();
const intervalMs = intervalFromEnv(process.env.SEGEL_WORKER_INTERVAL_MS);
const controller = new AbortController();

function stop(signal: string) {
  if (controller.signal.aborted) return;
  logger.info({ signal }, "worker stopping");
  controller.abort();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

// The audit log's sequencer: appends committed events to the transparency log and signs
// a tree head when it grew (docs/decisions/0008). Its delay is this interval at most.
async function auditLogTick({ limit }: { limit: number }) {
  const result = await runAuditLogTick({ limit });
  if (result.forged.length)
    logger.error({ seqs: result.forged.map(String) }, "audit events with an invalid MAC were not sequenced");
  return result;
}

// Unfinished bid uploads (tus staging) past their tender's deadline or 24 h old are removed
// (docs/decisions/0019). Once a minute: nothing waits on it. Configuration, not law.
async function uploadStagingTick() {
  const removed = await removeExpiredUploads();
  if (removed > 0) logger.info({ removed }, "expired bid uploads removed");
  return { checked: 0, transitions: [] };
}

// Backups (docs/decisions/0039): the file store's new objects copied and the alerts looked at;
// base backups, retention and drills when due. Only a worker given the backup role's URL and
// the data directory by npm start takes base backups and drills them.
const backupSettings = readBackupSettings();
const backupJob: BackupJob = {
  settings: backupSettings,
  backupUrl: process.env.SEGEL_BACKUP_DATABASE_URL || null,
  dataDir: process.env.SEGEL_PG_DATA_DIR || null,
  parts: backupJobParts,
};
let firstBackupTick = true;
async function backupTick() {
  const result = await runBackupTick(backupJob, { firstTick: firstBackupTick });
  firstBackupTick = false;
  return result;
}
const backupLoops = backupSettings.enabled
  ? [
      // a look lists every copy: not more often than every 5 s (bids' files are copied at their
      // acknowledgement anyway), and at least once a minute. Configuration, not law.
      runWorkerLoop({
        intervalMs: Math.min(Math.max(intervalMs, 5000), 60_000),
        batchSize: 1,
        tick: () => runStoreCopyTick(backupJob),
        log: logger,
        signal: controller.signal,
      }),
      runWorkerLoop({ intervalMs, batchSize: 1, tick: backupTick, log: logger, signal: controller.signal }),
    ]
  : [];

// The availability ledger (docs/decisions/0040): the worker beats every SEGEL_HEARTBEAT_SECONDS,
// and its schedule tick is held while the portal is down.
const availability = readAvailabilitySettings();

logger.info({ intervalMs, pid: process.pid }, "worker started");
await Promise.all([
  runWorkerLoop({
    intervalMs,
    batchSize: 100,
    tick: heldScheduleTick(runScheduleTick, availability, logger),
    log: logger,
    signal: controller.signal,
  }),
  runWorkerLoop({
    intervalMs: availability.heartbeatSeconds * 1000,
    batchSize: 1,
    tick: availabilityTick(availability, logger),
    log: logger,
    signal: controller.signal,
  }),
  runWorkerLoop({ intervalMs, batchSize: 20, tick: runNotificationTick, log: logger, signal: controller.signal }),
  runWorkerLoop({ intervalMs, batchSize: 1000, tick: auditLogTick, log: logger, signal: controller.signal }),
  // Saved searches: new tenders matched, IMMEDIATE alerts and daily digests (docs/decisions/0041).
  runWorkerLoop({ intervalMs, batchSize: 20, tick: runAlertsTick, log: logger, signal: controller.signal }),
  // Staged bid files never submitted, a day after their tender's deadline (decision 0005).
  runWorkerLoop({
    intervalMs: Math.max(intervalMs, 60_000),
    batchSize: 100,
    tick: removeExpiredStagedFiles,
    log: logger,
    signal: controller.signal,
  }),
  runWorkerLoop({
    intervalMs: Math.max(intervalMs, 60_000),
    batchSize: 1,
    tick: uploadStagingTick,
    log: logger,
    signal: controller.signal,
  }),
  ...backupLoops,
]);
await db.$disconnect().catch(() => {});
logger.info({}, "worker stopped");
