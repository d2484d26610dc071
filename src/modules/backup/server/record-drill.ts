import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow } from "@/server/db";
import type { DrillTrigger } from "../domain/records";

/** What a drill reports (run-restore-drill.ts): the figures it checked and its first failure. */
export interface DrillOutcome {
  ok: boolean;
  setId: string | null;
  checks: Record<string, unknown>;
  firstFailure: { check: string; detail: string } | null;
  durationMs: number;
}

/**
 * Starts a drill: the page's waiting request when there is one (it becomes RUNNING), otherwise
 * a new row for `trigger`. Called holding the job's lock.
 */
export async function beginDrill(trigger: DrillTrigger, setId: string | null): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const now = await dbNow(tx);
    const requested = await tx.restoreDrill.findFirst({ where: { status: "REQUESTED" }, select: { id: true } });
    const drill = requested
      ? await tx.restoreDrill.update({
          where: { id: requested.id },
          data: { status: "RUNNING", startedAt: now, setId },
          select: { id: true, trigger: true },
        })
      : await tx.restoreDrill.create({
          data: { trigger, status: "RUNNING", requestedAt: now, startedAt: now, setId },
          select: { id: true, trigger: true },
        });
    await recordAuditEvent(tx, {
      actor: null,
      action: "backup.drillStarted",
      entityType: "RestoreDrill",
      entityId: drill.id,
      data: { trigger: drill.trigger, setId },
    });
    return { id: drill.id };
  });
}

/** Records the outcome, linked to the worker's record of the set when there is one. */
export async function finishDrill(id: string, outcome: DrillOutcome): Promise<void> {
  await db.$transaction(async (tx) => {
    const finishedAt = await dbNow(tx);
    const run = outcome.setId
      ? await tx.backupRun.findUnique({ where: { id: outcome.setId }, select: { id: true } })
      : null;
    const failure = outcome.ok ? null : (outcome.firstFailure ?? { check: "drill", detail: "no failure named" });
    await tx.restoreDrill.update({
      where: { id, status: "RUNNING" },
      data: {
        status: outcome.ok ? "PASSED" : "FAILED",
        finishedAt,
        setId: outcome.setId,
        backupRunId: run?.id ?? null,
        durationMs: Math.max(0, Math.round(outcome.durationMs)),
        figures: outcome.checks as Prisma.InputJsonObject,
        failureCheck: failure?.check ?? null,
        failureDetail: failure?.detail ?? null,
      },
    });
    await recordAuditEvent(tx, {
      actor: null,
      action: outcome.ok ? "backup.drillPassed" : "backup.drillFailed",
      entityType: "RestoreDrill",
      entityId: id,
      data: { setId: outcome.setId, durationMs: outcome.durationMs, failure, checks: outcome.checks },
    });
  });
}
