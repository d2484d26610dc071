/**
 * When the worker takes a base backup or runs a drill, and which alerts hold (docs/decisions/0039).
 * Pure: the time, the zone, the settings and the last records are arguments. Every figure is
 * configuration, not law.
 */
import { toZonedLocal } from "@/lib/zoned-time";
import type { BackupAlertKind } from "./records";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** after a failed base backup, the next try waits this long (a broken disk is not hammered every tick) */
export const BACKUP_RETRY_MS = HOUR;

export interface LastRuns {
  /** start of the newest COMPLETE base backup */
  lastCompleteAt: Date | null;
  /** the newest attempt of any outcome, and whether it failed */
  lastAttempt: { startedAt: Date; failed: boolean } | null;
}

/** The local hour (0-23) of `now` in the LPSE's zone. */
export function localHour(now: Date, timeZone: string): number {
  return Number(toZonedLocal(now, timeZone).slice(11, 13));
}

/**
 * A base backup is due when none has ever completed (the first start), when the newest is a
 * day old (the worker was down at the hour, or the last one failed), or in the settings' local
 * hour when none completed in that hour already. Not within BACKUP_RETRY_MS of a failure.
 */
export function isBaseBackupDue(
  now: Date,
  runs: LastRuns,
  settings: { baseBackupHour: number; timeZone: string },
): boolean {
  if (runs.lastAttempt?.failed && now.getTime() - runs.lastAttempt.startedAt.getTime() < BACKUP_RETRY_MS) return false;
  if (!runs.lastCompleteAt) return true;
  const age = now.getTime() - runs.lastCompleteAt.getTime();
  if (age >= DAY) return true;
  // the hour's window is one hour long, so "not within the last hour" means "not in this window"
  return localHour(now, settings.timeZone) === settings.baseBackupHour && age >= HOUR;
}

/** The daily drill: due when a complete set exists and no drill has finished within a day. */
export function isScheduledDrillDue(now: Date, lastDrillFinishedAt: Date | null, hasCompleteSet: boolean): boolean {
  if (!hasCompleteSet) return false;
  return !lastDrillFinishedAt || now.getTime() - lastDrillFinishedAt.getTime() >= DAY;
}

/** What the job observed on one tick; the alert rules read nothing else. */
export interface BackupObservation {
  now: Date;
  /** the worker takes base backups (it has the backup role's URL and the data directory) */
  managed: boolean;
  archiver: { lastArchivedAt: Date | null; lastFailedAt: Date | null; lastFailedWal: string | null } | null;
  lastCompleteAt: Date | null;
  /** the newest base backup attempt's outcome, and its error when it failed */
  lastAttempt: { startedAt: Date; failed: boolean; error: string | null } | null;
  firstAttemptAt: Date | null;
  lastDrill: { finishedAt: Date; passed: boolean; failure: string | null } | null;
  disk: { freeBytes: number; totalBytes: number } | null;
  /** the last pass copying the file store's new objects failed with this */
  storeCopyError: string | null;
}

export interface AlertThresholds {
  staleHours: number;
  drillStaleHours: number;
  diskMinFreePercent: number;
  diskMinFreeBytes: number;
}

/** The alerts that hold now, each with a line of detail (Indonesian, as the notifications are: it is stored and mailed). */
export function currentAlerts(o: BackupObservation, t: AlertThresholds): Map<BackupAlertKind, string> {
  const alerts = new Map<BackupAlertKind, string>();
  const hoursSince = (at: Date) => (o.now.getTime() - at.getTime()) / HOUR;
  const a = o.archiver;
  if (a?.lastFailedAt && (!a.lastArchivedAt || a.lastFailedAt > a.lastArchivedAt))
    alerts.set(
      "ARCHIVE_FAILING",
      `Pengarsipan WAL gagal sejak ${a.lastFailedAt.toISOString()}${a.lastFailedWal ? ` (segmen ${a.lastFailedWal})` : ""}; segmen terakhir terarsip ${a.lastArchivedAt?.toISOString() ?? "belum pernah"}.`,
    );
  if (o.managed) {
    const since = o.lastCompleteAt ?? o.firstAttemptAt;
    if (since && hoursSince(since) >= t.staleHours)
      alerts.set(
        "BACKUP_STALE",
        o.lastCompleteAt
          ? `Cadangan dasar lengkap terakhir dimulai ${Math.floor(hoursSince(o.lastCompleteAt))} jam lalu (batas ${t.staleHours} jam).`
          : `Belum ada cadangan dasar yang selesai sejak percobaan pertama ${Math.floor(hoursSince(since))} jam lalu (batas ${t.staleHours} jam).`,
      );
    if (o.lastAttempt?.failed)
      alerts.set(
        "BACKUP_FAILED",
        `Cadangan dasar ${o.lastAttempt.startedAt.toISOString()} gagal: ${o.lastAttempt.error ?? "tanpa keterangan"}.`,
      );
    if (o.lastDrill && !o.lastDrill.passed)
      alerts.set(
        "DRILL_FAILED",
        `Uji pemulihan ${o.lastDrill.finishedAt.toISOString()} gagal: ${o.lastDrill.failure}.`,
      );
    const drillSince = o.lastDrill?.finishedAt ?? (o.lastCompleteAt ? o.firstAttemptAt : null);
    if (drillSince && hoursSince(drillSince) >= t.drillStaleHours)
      alerts.set(
        "DRILL_STALE",
        o.lastDrill
          ? `Uji pemulihan terakhir selesai ${Math.floor(hoursSince(drillSince))} jam lalu (batas ${t.drillStaleHours} jam).`
          : `Tidak ada uji pemulihan dalam ${Math.floor(hoursSince(drillSince))} jam (batas ${t.drillStaleHours} jam).`,
      );
  }
  if (o.storeCopyError)
    alerts.set("STORE_COPY_FAILING", `Penyalinan berkas baru dari penyimpanan berkas gagal: ${o.storeCopyError}.`);
  if (o.disk && o.disk.totalBytes > 0) {
    const percent = (o.disk.freeBytes / o.disk.totalBytes) * 100;
    if (percent < t.diskMinFreePercent || o.disk.freeBytes < t.diskMinFreeBytes)
      alerts.set(
        "DISK_LOW",
        `Disk cadangan tersisa ${formatMiB(o.disk.freeBytes)} dari ${formatMiB(o.disk.totalBytes)} (${percent.toFixed(1)}%; batas ${t.diskMinFreePercent}% dan ${formatMiB(t.diskMinFreeBytes)}).`,
      );
  }
  return alerts;
}

const formatMiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
