import "server-only";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { logger } from "@/server/logger";
import { db, dbNow } from "@/server/db";
import type { BackupSettings } from "@/server/backup-settings";
import { readLpseProfile } from "@/modules/lpse";
import { manifestPath } from "../domain/layout";
import type { BackupManifest } from "../domain/manifest";
import type { DrillTrigger } from "../domain/records";
import { isBaseBackupDue, isScheduledDrillDue } from "../domain/schedule";
import { checkBackupAlerts } from "./backup-alerts";
import { keepBackupStatus } from "./backup-status";
import { STORE_COPY_LOCK, withBackupJobLock } from "./backup-lock";
import {
  beginBackupRun,
  completeBackupRun,
  expireBackupRuns,
  failBackupRun,
  failInterruptedRuns,
} from "./record-backup-run";
import { beginDrill, finishDrill, type DrillOutcome } from "./record-drill";

/**
 * The worker's backup job (docs/decisions/0039). Two ticks: the file store's new objects are
 * copied every tick (and the alerts looked at), and under the job's lock a base backup is
 * taken when due, followed by retention and a drill; a drill also runs when an ADMIN_LPSE
 * asked for one and daily. Every run is a row with its audit events; a failure is recorded
 * (and becomes an alert), never thrown out of the tick.
 */
export interface BackupJobParts {
  copyNewStoreObjects(backupRoot: string): Promise<{ copied: number; bytes: number }>;
  takeBaseBackup(options: { backupUrl: string; dataDir: string; backupRoot: string; now: Date }): Promise<{
    setId: string;
    manifest: BackupManifest;
    dataFiles: number;
    dataBytes: number;
    storeObjects: number;
  }>;
  /** removes sets past the settings' age and count; returns the set ids it removed */
  applyRetention(options: { backupRoot: string; keepDays: number; keepCount: number; now: Date }): Promise<string[]>;
  runRestoreDrill(options: { backupRoot: string; setId?: string }): Promise<DrillOutcome>;
}

export interface BackupJob {
  settings: BackupSettings;
  /** SEGEL_BACKUP_DATABASE_URL and SEGEL_PG_DATA_DIR: only a worker given both takes base backups */
  backupUrl: string | null;
  dataDir: string | null;
  parts: BackupJobParts;
}

const TICK_DONE = { checked: 0, transitions: [] };
const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);
export const isManaged = (job: BackupJob) => Boolean(job.backupUrl && job.dataDir);

/** Every tick: copy the store's new objects, keep the job's last look, open and close alerts. */
export async function runStoreCopyTick(job: BackupJob): Promise<typeof TICK_DONE> {
  let error: string | null = null;
  let copied = 0;
  let isMine = true;
  try {
    const result = await withBackupJobLock(() => job.parts.copyNewStoreObjects(job.settings.dir), STORE_COPY_LOCK);
    // null: another worker is copying now, and keeps the last look when it is done
    isMine = result !== null;
    copied = result?.copied ?? 0;
    if (result && copied > 0) logger.info({ copied, bytes: result.bytes }, "backup: file store objects copied");
  } catch (err) {
    error = message(err);
    logger.error({ err }, "backup: copying the file store's new objects failed");
  }
  if (isMine) await keepBackupStatus({ backupDir: job.settings.dir, managed: isManaged(job), copied, error });
  await reportAlerts(job);
  return TICK_DONE;
}

async function reportAlerts(job: BackupJob) {
  const { opened, closed } = await checkBackupAlerts(job.settings, isManaged(job));
  if (opened.length) logger.error({ opened }, "backup: alert opened");
  if (closed.length) logger.info({ closed }, "backup: alert closed");
}

/** The heavy tick: base backup when due, then retention and a drill; a drill asked for or daily. */
export async function runBackupTick(job: BackupJob, options: { firstTick?: boolean } = {}) {
  // drills restore what this worker's base backups wrote; a worker without the role has none to run
  if (!isManaged(job)) return TICK_DONE;
  const ran = await withBackupJobLock(async () => {
    await failInterruptedRuns();
    if (isManaged(job) && (await baseBackupDue(job))) {
      const setId = await takeRecordedBackup(job);
      if (setId) {
        await expireOldSets(job);
        await runRecordedDrill(job, "AFTER_BACKUP", setId);
        return;
      }
    }
    const drill = await drillDue(options.firstTick === true);
    if (drill) await runRecordedDrill(job, drill, undefined);
  });
  if (ran !== null) await reportAlerts(job);
  return TICK_DONE;
}

async function baseBackupDue(job: BackupJob): Promise<boolean> {
  const [now, lastComplete, lastAttempt, lpse] = await Promise.all([
    dbNow(),
    db.backupRun.findFirst({
      where: { status: { in: ["COMPLETE", "EXPIRED"] } },
      orderBy: { startedAt: "desc" },
      select: { startedAt: true },
    }),
    db.backupRun.findFirst({ orderBy: { startedAt: "desc" }, select: { startedAt: true, status: true } }),
    readLpseProfile(),
  ]);
  return isBaseBackupDue(
    now,
    {
      lastCompleteAt: lastComplete?.startedAt ?? null,
      lastAttempt: lastAttempt ? { startedAt: lastAttempt.startedAt, failed: lastAttempt.status === "FAILED" } : null,
    },
    { baseBackupHour: job.settings.baseBackupHour, timeZone: lpse.timeZone },
  );
}

/** The page's request first; otherwise the daily drill, or a worker's first look at a set never drilled. */
async function drillDue(firstTick: boolean): Promise<DrillTrigger | null> {
  const [requested, lastDrill, lastComplete, now] = await Promise.all([
    db.restoreDrill.findFirst({ where: { status: "REQUESTED" }, select: { trigger: true } }),
    db.restoreDrill.findFirst({
      where: { status: { in: ["PASSED", "FAILED"] } },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true, setId: true },
    }),
    db.backupRun.findFirst({ where: { status: "COMPLETE" }, orderBy: { startedAt: "desc" }, select: { id: true } }),
    dbNow(),
  ]);
  if (requested) return requested.trigger;
  if (isScheduledDrillDue(now, lastDrill?.finishedAt ?? null, lastComplete !== null)) return "SCHEDULE";
  if (firstTick && lastComplete && lastDrill?.setId !== lastComplete.id) return "START";
  return null;
}

async function takeRecordedBackup(job: BackupJob): Promise<string | null> {
  const run = await beginBackupRun();
  try {
    const result = await job.parts.takeBaseBackup({
      backupUrl: job.backupUrl!,
      dataDir: job.dataDir!,
      backupRoot: job.settings.dir,
      now: run.startedAt,
    });
    if (result.setId !== run.id) throw new Error(`the set was named ${result.setId}, not ${run.id}`);
    const manifestText = await readFile(manifestPath(job.settings.dir, run.id));
    await completeBackupRun(run.id, {
      sizeBytes: result.dataBytes + result.manifest.storeObjects.reduce((sum, f) => sum + f.size, 0),
      dataFiles: result.dataFiles,
      storeObjects: result.storeObjects,
      restorePointTime: new Date(result.manifest.database.restorePointTime),
      manifestSha256: createHash("sha256").update(manifestText).digest("hex"),
    });
    logger.info({ setId: run.id }, "backup: base backup complete");
    return run.id;
  } catch (err) {
    logger.error({ err, setId: run.id }, "backup: base backup failed");
    await failBackupRun(run.id, message(err));
    return null;
  }
}

async function expireOldSets(job: BackupJob) {
  try {
    const removed = await job.parts.applyRetention({
      backupRoot: job.settings.dir,
      keepDays: job.settings.keepDays,
      keepCount: job.settings.keepCount,
      now: await dbNow(),
    });
    await expireBackupRuns(removed);
  } catch (err) {
    // the new set is complete; an old one kept too long only costs disk, which DISK_LOW watches
    logger.error({ err }, "backup: retention failed");
  }
}

async function runRecordedDrill(job: BackupJob, trigger: DrillTrigger, setId: string | undefined) {
  const drill = await beginDrill(trigger, setId ?? null);
  const started = Date.now();
  let outcome: DrillOutcome;
  try {
    outcome = await job.parts.runRestoreDrill({ backupRoot: job.settings.dir, ...(setId ? { setId } : {}) });
  } catch (err) {
    outcome = {
      ok: false,
      setId: setId ?? null,
      checks: {},
      firstFailure: { check: "drill", detail: message(err) },
      durationMs: Date.now() - started,
    };
  }
  await finishDrill(drill.id, outcome);
  logger[outcome.ok ? "info" : "error"](
    { setId: outcome.setId, failure: outcome.firstFailure },
    outcome.ok ? "backup: restore drill passed" : "backup: restore drill failed",
  );
}
