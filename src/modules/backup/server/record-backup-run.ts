import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow } from "@/server/db";
import { setIdAt } from "../domain/layout";

/**
 * The records of a base backup (BackupRun) and their audit events, each in the transaction
 * that writes the row. The actor is the system, as the schedule worker's events are.
 */
export interface FinishedBackup {
  sizeBytes: number;
  dataFiles: number;
  storeObjects: number;
  restorePointTime: Date;
  manifestSha256: string;
}

/** Opens a RUNNING row named by the set id of the database clock's now, which also names the set. */
export async function beginBackupRun(): Promise<{ id: string; startedAt: Date }> {
  return db.$transaction(async (tx) => {
    const startedAt = await dbNow(tx);
    const id = setIdAt(startedAt);
    await tx.backupRun.create({ data: { id, status: "RUNNING", startedAt } });
    await recordAuditEvent(tx, { actor: null, action: "backup.started", entityType: "BackupRun", entityId: id });
    return { id, startedAt };
  });
}

export async function completeBackupRun(id: string, figures: FinishedBackup): Promise<void> {
  await db.$transaction(async (tx) => {
    const finishedAt = await dbNow(tx);
    const run = await tx.backupRun.update({
      where: { id, status: "RUNNING" },
      data: { status: "COMPLETE", finishedAt, ...figures, sizeBytes: BigInt(figures.sizeBytes) },
      select: { startedAt: true },
    });
    const durationMs = Math.max(0, finishedAt.getTime() - run.startedAt.getTime());
    await tx.backupRun.update({ where: { id }, data: { durationMs } });
    await recordAuditEvent(tx, {
      actor: null,
      action: "backup.completed",
      entityType: "BackupRun",
      entityId: id,
      data: { ...figures, restorePointTime: figures.restorePointTime.toISOString(), durationMs },
    });
  });
}

export async function failBackupRun(id: string, error: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const finishedAt = await dbNow(tx);
    const run = await tx.backupRun.update({
      where: { id, status: "RUNNING" },
      data: { status: "FAILED", finishedAt, error },
      select: { startedAt: true },
    });
    const durationMs = Math.max(0, finishedAt.getTime() - run.startedAt.getTime());
    await tx.backupRun.update({ where: { id }, data: { durationMs } });
    await recordAuditEvent(tx, {
      actor: null,
      action: "backup.failed",
      entityType: "BackupRun",
      entityId: id,
      data: { error, durationMs },
    });
  });
}

/** Sets retention removed from the directory: their rows stay, marked EXPIRED. */
export async function expireBackupRuns(setIds: readonly string[]): Promise<number> {
  if (setIds.length === 0) return 0;
  return db.$transaction(async (tx) => {
    const runs = await tx.backupRun.findMany({
      where: { id: { in: [...setIds] }, status: "COMPLETE" },
      select: { id: true },
    });
    for (const run of runs) {
      await tx.backupRun.update({ where: { id: run.id }, data: { status: "EXPIRED" } });
      await recordAuditEvent(tx, { actor: null, action: "backup.expired", entityType: "BackupRun", entityId: run.id });
    }
    return runs.length;
  });
}

/**
 * Runs and drills left RUNNING by a worker that stopped half way are failed, with their audit
 * events. Called holding the job's lock, so nothing else is running.
 */
export async function failInterruptedRuns(): Promise<void> {
  const reason = "terputus: pekerja berhenti sebelum selesai";
  const runs = await db.backupRun.findMany({ where: { status: "RUNNING" }, select: { id: true } });
  for (const run of runs) await failBackupRun(run.id, reason);
  await db.$transaction(async (tx) => {
    const finishedAt = await dbNow(tx);
    const drills = await tx.restoreDrill.findMany({ where: { status: "RUNNING" }, select: { id: true } });
    for (const drill of drills) {
      await tx.restoreDrill.update({
        where: { id: drill.id },
        data: { status: "FAILED", finishedAt, failureCheck: "interrupted", failureDetail: reason },
      });
      await recordAuditEvent(tx, {
        actor: null,
        action: "backup.drillFailed",
        entityType: "RestoreDrill",
        entityId: drill.id,
        data: { failureCheck: "interrupted", failureDetail: reason },
      });
    }
  });
}
