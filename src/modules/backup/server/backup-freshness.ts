import "server-only";
import { readBackupSettings } from "@/server/backup-settings";
import { db } from "@/server/db";

export type BackupFreshness =
  | { enabled: false }
  | {
      enabled: true;
      /** the start of the newest complete base backup (as the BACKUP_STALE alert reads it) */
      lastCompleteAt: Date | null;
      ageSeconds: number | null;
      staleHours: number;
      /** older than staleHours; with none yet, counted from the first attempt (none at all: not stale, pending) */
      stale: boolean;
    };

/**
 * How fresh the backup is, for /api/health and /status: the same rule as the BACKUP_STALE
 * alert (domain/schedule.ts), in two indexed reads. Off with SEGEL_BACKUP=0.
 */
export async function readBackupFreshness(
  now: Date,
  env: Record<string, string | undefined> = process.env,
): Promise<BackupFreshness> {
  const settings = readBackupSettings(env);
  if (!settings.enabled) return { enabled: false };
  const [lastComplete, firstAttempt] = await Promise.all([
    db.backupRun.findFirst({
      where: { status: { in: ["COMPLETE", "EXPIRED"] } },
      orderBy: { startedAt: "desc" },
      select: { startedAt: true },
    }),
    db.backupRun.findFirst({ orderBy: { startedAt: "asc" }, select: { startedAt: true } }),
  ]);
  const lastCompleteAt = lastComplete?.startedAt ?? null;
  const since = lastCompleteAt ?? firstAttempt?.startedAt ?? null;
  const age = (at: Date | null) => (at ? Math.max(0, Math.floor((now.getTime() - at.getTime()) / 1000)) : null);
  return {
    enabled: true,
    lastCompleteAt,
    ageSeconds: age(lastCompleteAt),
    staleHours: settings.staleHours,
    stale: since !== null && age(since)! >= settings.staleHours * 3600,
  };
}
