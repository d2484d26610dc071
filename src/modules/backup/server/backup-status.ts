import "server-only";
import { db, dbNow } from "@/server/db";
import { readDisk } from "./backup-alerts";

/**
 * The row is rewritten at most this often when nothing changed (configuration, not law). An
 * idle portal writes no WAL; a write every tick would make archive_timeout ship a 16 MiB
 * segment every minute, day and night.
 */
export const STATUS_REFRESH_MS = 5 * 60 * 1000;

/**
 * Keeps the job's last look for the page (BackupStatus): written when something changed (an
 * object copied, the copy's error, the worker's role, the disk's free share by a percent) or
 * when the row is STATUS_REFRESH_MS old. `lastStoreCopyAt` is the last look that found every
 * durable object copied. A worker without the backup role beside one with it does not say the
 * portal has none.
 */
export async function keepBackupStatus(input: {
  backupDir: string;
  managed: boolean;
  copied: number;
  error: string | null;
}): Promise<void> {
  const [now, disk, row] = await Promise.all([
    dbNow(),
    readDisk(input.backupDir),
    db.backupStatus.findUnique({ where: { id: 1 } }),
  ]);
  const share = (free: bigint | number | null, total: bigint | number | null) =>
    free !== null && total ? Math.floor((Number(free) / Number(total)) * 100) : null;
  const changed =
    !row ||
    input.copied > 0 ||
    row.lastStoreCopyError !== input.error ||
    row.backupDir !== input.backupDir ||
    (input.managed && !row.managed) ||
    share(row.diskFreeBytes, row.diskTotalBytes) !== share(disk?.freeBytes ?? null, disk?.totalBytes ?? null) ||
    now.getTime() - row.checkedAt.getTime() >= STATUS_REFRESH_MS;
  if (!changed) return;
  const status = {
    checkedAt: now,
    backupDir: input.backupDir,
    lastStoreCopyError: input.error,
    diskFreeBytes: disk ? BigInt(disk.freeBytes) : null,
    diskTotalBytes: disk ? BigInt(disk.totalBytes) : null,
    ...(input.error ? {} : { lastStoreCopyAt: now }),
  };
  await db.backupStatus.upsert({
    where: { id: 1 },
    create: { id: 1, managed: input.managed, ...status },
    update: input.managed ? { managed: true, ...status } : status,
  });
}
