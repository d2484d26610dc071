import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { readBackupSettings } from "@/server/backup-settings";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { BackupAlertKind, BackupRunStatus, DrillStatus, DrillTrigger } from "../domain/records";
import { archiverStatus } from "./wal-archive";

/**
 * "healthy": a complete backup, a passed drill and no open alert; "alert": an alert is open;
 * "pending": nothing wrong is known but nothing is proven yet (no backup or no drill so far,
 * or backups are off).
 */
export type BackupHealth = "healthy" | "pending" | "alert";

export interface BackupRunRow {
  id: string;
  status: BackupRunStatus;
  startedAt: Date;
  durationMs: number | null;
  sizeBytes: number | null;
  dataFiles: number | null;
  storeObjects: number | null;
  restorePointTime: Date | null;
  error: string | null;
}

export interface DrillRow {
  id: string;
  setId: string | null;
  trigger: DrillTrigger;
  status: DrillStatus;
  requestedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  figures: Record<string, unknown> | null;
  failureCheck: string | null;
  failureDetail: string | null;
  requestedBy: string | null;
}

export interface BackupOverview {
  enabled: boolean;
  health: BackupHealth;
  now: Date;
  alerts: { kind: BackupAlertKind; openedAt: Date; detail: string }[];
  /** the recovery point now: the newest WAL segment archived and the last file-store copy */
  archive: { lastArchivedAt: Date | null; lastArchivedWal: string | null; lastFailedAt: Date | null };
  status: {
    checkedAt: Date;
    backupDir: string;
    managed: boolean;
    lastStoreCopyAt: Date | null;
    lastStoreCopyError: string | null;
    diskFreeBytes: number | null;
    diskTotalBytes: number | null;
  } | null;
  backups: BackupRunRow[];
  /** the newest finished drill, with its figures */
  lastDrill: DrillRow | null;
  /** a drill asked for or running, if any */
  pendingDrill: DrillRow | null;
  drills: DrillRow[];
}

const HISTORY = 30;

function healthOf(openAlerts: number, hasComplete: boolean, lastDrill: DrillStatus | undefined): BackupHealth {
  if (openAlerts > 0) return "alert";
  return readBackupSettings().enabled && hasComplete && lastDrill === "PASSED" ? "healthy" : "pending";
}
const num = (n: bigint | null) => (n === null ? null : Number(n));

const drillSelect = {
  id: true,
  setId: true,
  trigger: true,
  status: true,
  requestedAt: true,
  finishedAt: true,
  durationMs: true,
  figures: true,
  failureCheck: true,
  failureDetail: true,
  requestedBy: { select: { name: true } },
} as const;

function drillRow(d: { figures: unknown; requestedBy: { name: string } | null; [key: string]: unknown }): DrillRow {
  const { requestedBy, figures, ...rest } = d;
  return {
    ...(rest as Omit<DrillRow, "figures" | "requestedBy">),
    figures: figures && typeof figures === "object" ? (figures as Record<string, unknown>) : null,
    requestedBy: requestedBy?.name ?? null,
  };
}

/** What /admin/cadangan shows: ADMIN_LPSE only. */
export async function getBackupOverview(actor: Actor): Promise<BackupOverview> {
  if (!can(actor, "backup.view")) throw new AppError("FORBIDDEN");
  const [now, alerts, archive, status, runs, drills, pending] = await Promise.all([
    dbNow(),
    db.backupAlert.findMany({
      where: { closedAt: null },
      orderBy: { openedAt: "asc" },
      select: { kind: true, openedAt: true, detail: true },
    }),
    archiverStatus(),
    db.backupStatus.findUnique({ where: { id: 1 } }),
    db.backupRun.findMany({ orderBy: { startedAt: "desc" }, take: HISTORY }),
    db.restoreDrill.findMany({
      where: { status: { in: ["PASSED", "FAILED"] } },
      orderBy: { finishedAt: "desc" },
      take: HISTORY,
      select: drillSelect,
    }),
    db.restoreDrill.findFirst({
      where: { status: { in: ["REQUESTED", "RUNNING"] } },
      orderBy: { requestedAt: "desc" },
      select: drillSelect,
    }),
  ]);
  const lastDrill = drills[0] ? drillRow(drills[0]) : null;
  const hasComplete = runs.some((r) => r.status === "COMPLETE");
  const health = healthOf(alerts.length, hasComplete, lastDrill?.status);
  return {
    enabled: readBackupSettings().enabled,
    health,
    now,
    alerts,
    archive: {
      lastArchivedAt: archive.lastArchivedAt,
      lastArchivedWal: archive.lastArchivedWal,
      lastFailedAt: archive.lastFailedAt,
    },
    status: status
      ? {
          checkedAt: status.checkedAt,
          backupDir: status.backupDir,
          managed: status.managed,
          lastStoreCopyAt: status.lastStoreCopyAt,
          lastStoreCopyError: status.lastStoreCopyError,
          diskFreeBytes: num(status.diskFreeBytes),
          diskTotalBytes: num(status.diskTotalBytes),
        }
      : null,
    backups: runs.map((r) => ({
      id: r.id,
      status: r.status,
      startedAt: r.startedAt,
      durationMs: r.durationMs,
      sizeBytes: num(r.sizeBytes),
      dataFiles: r.dataFiles,
      storeObjects: r.storeObjects,
      restorePointTime: r.restorePointTime,
      error: r.error,
    })),
    lastDrill,
    pendingDrill: pending ? drillRow(pending) : null,
    drills: drills.map(drillRow),
  };
}

/** The dashboard's card: the health and the open alerts' kinds, ADMIN_LPSE only (null for others). */
export async function getBackupHealth(
  actor: Actor,
): Promise<{ health: BackupHealth; alerts: BackupAlertKind[] } | null> {
  if (!can(actor, "backup.view")) return null;
  const [alerts, complete, lastDrill] = await Promise.all([
    db.backupAlert.findMany({ where: { closedAt: null }, select: { kind: true } }),
    db.backupRun.count({ where: { status: "COMPLETE" } }),
    db.restoreDrill.findFirst({
      where: { status: { in: ["PASSED", "FAILED"] } },
      orderBy: { finishedAt: "desc" },
      select: { status: true },
    }),
  ]);
  return { health: healthOf(alerts.length, complete > 0, lastDrill?.status), alerts: alerts.map((a) => a.kind) };
}
