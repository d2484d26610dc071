import "server-only";
import { statfs } from "node:fs/promises";
import { recordAuditEvent } from "@/modules/audit";
import { activeMembershipWhere } from "@/modules/auth";
import { notify } from "@/modules/notifications";
import { db, dbNow, type Tx } from "@/server/db";
import type { BackupSettings } from "@/server/backup-settings";
import { alertClosedMessage, alertOpenedMessage } from "../domain/messages";
import { BACKUP_ALERT_KINDS, type BackupAlertKind } from "../domain/records";
import { currentAlerts, type BackupObservation } from "../domain/schedule";
import { archiverStatus } from "./wal-archive";

/** Free and total bytes of the file system holding the backup directory; null when it cannot be read. */
export async function readDisk(dir: string): Promise<{ freeBytes: number; totalBytes: number } | null> {
  try {
    const s = await statfs(dir);
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  } catch {
    return null;
  }
}

/** Everything the alert rules read, from the database, PostgreSQL's archiver and the disk. */
export async function observeBackups(
  settings: BackupSettings,
  managed: boolean,
): Promise<BackupObservation & { archiverWal: string | null }> {
  const now = await dbNow();
  const [archiver, lastComplete, lastAttempt, firstAttempt, lastDrill, status, disk] = await Promise.all([
    archiverStatus(),
    db.backupRun.findFirst({
      where: { status: { in: ["COMPLETE", "EXPIRED"] } },
      orderBy: { startedAt: "desc" },
      select: { startedAt: true },
    }),
    db.backupRun.findFirst({
      where: { status: { not: "RUNNING" } },
      orderBy: { startedAt: "desc" },
      select: { startedAt: true, status: true, error: true },
    }),
    db.backupRun.findFirst({ orderBy: { startedAt: "asc" }, select: { startedAt: true } }),
    db.restoreDrill.findFirst({
      where: { status: { in: ["PASSED", "FAILED"] } },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true, status: true, failureCheck: true, failureDetail: true },
    }),
    db.backupStatus.findUnique({ where: { id: 1 }, select: { lastStoreCopyError: true } }),
    readDisk(settings.dir),
  ]);
  return {
    now,
    managed,
    archiver,
    archiverWal: archiver.lastArchivedWal,
    lastCompleteAt: lastComplete?.startedAt ?? null,
    lastAttempt: lastAttempt
      ? { startedAt: lastAttempt.startedAt, failed: lastAttempt.status === "FAILED", error: lastAttempt.error }
      : null,
    firstAttemptAt: firstAttempt?.startedAt ?? null,
    lastDrill: lastDrill?.finishedAt
      ? {
          finishedAt: lastDrill.finishedAt,
          passed: lastDrill.status === "PASSED",
          failure: lastDrill.failureCheck ? `${lastDrill.failureCheck}: ${lastDrill.failureDetail ?? ""}` : null,
        }
      : null,
    disk,
    storeCopyError: status?.lastStoreCopyError ?? null,
  };
}

async function lpseAdminIds(tx: Tx, now: Date): Promise<string[]> {
  const users = await tx.user.findMany({
    where: { isDisabled: false, memberships: { some: { role: "ADMIN_LPSE", ...activeMembershipWhere(now) } } },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/**
 * Opens an alert for each condition that holds and has none open, and closes each open alert
 * whose condition no longer holds, in one transaction: each change with its audit event and a
 * notification to every active ADMIN_LPSE (inbox and e-mail). Nothing changes while the
 * state stays the same, so a tick that sees the same trouble again notifies nobody. The
 * transaction lock makes two workers take turns; the one-open-per-kind index is the backstop.
 */
export async function syncBackupAlerts(
  holding: Map<BackupAlertKind, string>,
  judged: ReadonlySet<BackupAlertKind> = new Set(BACKUP_ALERT_KINDS),
): Promise<{ opened: BackupAlertKind[]; closed: BackupAlertKind[] }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('segel.backupAlerts'))`;
    const now = await dbNow(tx);
    const open = await tx.backupAlert.findMany({
      where: { closedAt: null },
      select: { id: true, kind: true, openedAt: true },
    });
    const opened: BackupAlertKind[] = [];
    const closed: BackupAlertKind[] = [];
    const openKinds = new Set(open.map((a) => a.kind));
    const adminIds = () => lpseAdminIds(tx, now);
    for (const [kind, detail] of holding) {
      if (openKinds.has(kind)) continue;
      const alert = await tx.backupAlert.create({ data: { kind, openedAt: now, detail }, select: { id: true } });
      await recordAuditEvent(tx, {
        actor: null,
        action: "backup.alertOpened",
        entityType: "BackupAlert",
        entityId: alert.id,
        data: { kind, detail },
      });
      await notify(tx, { ...alertOpenedMessage(kind, detail), userIds: await adminIds() });
      opened.push(kind);
    }
    for (const alert of open) {
      if (holding.has(alert.kind) || !judged.has(alert.kind)) continue;
      await tx.backupAlert.update({ where: { id: alert.id }, data: { closedAt: now } });
      await recordAuditEvent(tx, {
        actor: null,
        action: "backup.alertClosed",
        entityType: "BackupAlert",
        entityId: alert.id,
        data: { kind: alert.kind },
      });
      await notify(tx, { ...alertClosedMessage(alert.kind, alert.openedAt), userIds: await adminIds() });
      closed.push(alert.kind);
    }
    return { opened, closed };
  });
}

/** What any worker can judge; the rest only a worker that takes the base backups and drills. */
const EVERY_WORKERS: ReadonlySet<BackupAlertKind> = new Set(["ARCHIVE_FAILING", "DISK_LOW", "STORE_COPY_FAILING"]);

/**
 * One look: observe, decide which alerts hold, open and close them. A worker without the backup
 * role (beside one with it, or on an external PostgreSQL) leaves the base backup's and the
 * drill's alerts alone: it would close what it cannot see.
 */
export async function checkBackupAlerts(settings: BackupSettings, managed: boolean) {
  const observation = await observeBackups(settings, managed);
  return syncBackupAlerts(currentAlerts(observation, settings), managed ? undefined : EVERY_WORKERS);
}
