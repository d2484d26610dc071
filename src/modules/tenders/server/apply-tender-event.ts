import "server-only";
import { tenderChanged } from "@/modules/open-data";
import type { Prisma } from "@/generated/prisma/client";
import type { StageKind, TenderStatus } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { bidsSettledAt } from "@/modules/bids/domain";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { transition, type LifecycleState, type TenderEvent } from "../domain/lifecycle";
import { compensatedStep, nextCheckAfter } from "../domain/lifecycle-time";
import { clockStep, currentStage, findBidDeadline, nextBoundary } from "../domain/schedule";
import { loadStages } from "./tender-stages";

const STATE = {
  status: true,
  publishedAt: true,
  openedAt: true,
  awardedAt: true,
  announcedAt: true,
  winnerBidId: true,
  deadlineExtensions: true,
  nextCheckAt: true,
  currentStage: true,
  prequalificationRound: true,
  shortlistAnnouncedAt: true,
  priceOpenedAt: true,
} satisfies Prisma.TenderSelect;

export interface AppliedEvent {
  now: Date;
  from: LifecycleState;
  status: TenderStatus;
  /** the stage the tender is recorded in after the event */
  stage: StageKind | null;
  nextCheckAt: Date | null;
  /** false when a stage boundary changed nothing (no audit event was written) */
  changed: boolean;
}

/**
 * The one writer of a tender's lifecycle columns (domain/lifecycle.ts): locks the row,
 * checks the event against the transition table, writes the status and its stamps and
 * the worker's next look, and records the audit event in the caller's transaction.
 * `audit` adds the caller's details to the event; `now` is the database clock unless the
 * caller already read it in this transaction (one instant for a decision and its record).
 */
export async function applyTenderEvent(
  tx: Tx,
  tenderId: string,
  event: TenderEvent,
  options: { actor: Actor | null; audit?: Record<string, unknown>; now?: Date } = { actor: null },
): Promise<AppliedEvent> {
  await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
  const state = await tx.tender.findUnique({ where: { id: tenderId }, select: STATE });
  if (!state) throw new AppError("NOT_FOUND");
  const now = options.now ?? (await dbNow(tx));
  const result = transition(state, event, now);
  if (!result.ok) throw new AppError("INVALID_STATE", result.key);

  const data: Prisma.TenderUpdateInput = { ...result.change };
  const rule = result.transition.nextCheck;
  let status = result.change.status ?? state.status;
  let stage = state.currentStage;
  if (rule === "schedule" || rule === "keepIfDue") {
    const stages = await loadStages(tx, tenderId);
    if (event.kind === "stageBoundary") {
      const deadline = findBidDeadline(stages);
      const step = clockStep(state.status, stages, now, deadline && bidsSettledAt(deadline));
      status = step.status;
      stage = step.stage;
      Object.assign(data, { status, currentStage: stage, nextCheckAt: step.nextCheckAt });
    } else if (event.kind === "compensated") {
      // the compensation pass checked this first; a tender opened meanwhile refuses it here
      const step = compensatedStep(state, stages, now);
      if (!step.ok) throw new AppError("INVALID_STATE", step.key);
      status = step.status;
      stage = step.stage;
      Object.assign(data, { status, currentStage: stage, nextCheckAt: step.nextCheckAt });
    } else {
      // the end of the sanggah window is a look even when no stage ends then
      const extra = event.kind === "winnerAnnounced" ? event.sanggahEndsAt : null;
      data.nextCheckAt = nextCheckAfter(rule, state.nextCheckAt, now, nextBoundary(stages, now), extra);
      // a due boundary is the worker's to record (with its own audit event)
      if (rule === "schedule") data.currentStage = stage = currentStage(stages, now)?.kind ?? null;
    }
  } else {
    const next = nextCheckAfter(rule, state.nextCheckAt, now, null);
    if (next !== undefined) data.nextCheckAt = next;
  }
  const nextCheckAt = data.nextCheckAt === undefined ? state.nextCheckAt : (data.nextCheckAt as Date | null);
  const changed = event.kind !== "stageBoundary" || stage !== state.currentStage || status !== state.status;
  await tx.tender.update({ where: { id: tenderId }, data });
  // the public's view of the change (its OCDS release, its red flags), in this transaction
  if (changed) await tenderChanged(tx, tenderId, event.kind, now);

  const action = result.transition.audit;
  if (action && changed) {
    const stamps = Object.fromEntries(
      Object.entries(result.change).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
    );
    const base =
      event.kind === "stageBoundary"
        ? { from: state.currentStage, to: stage, fromStatus: state.status, toStatus: status }
        : { ...stamps, fromStatus: state.status, toStatus: status, nextCheckAt: nextCheckAt?.toISOString() ?? null };
    await recordAuditEvent(tx, {
      actor: options.actor,
      action,
      entityType: "Tender",
      entityId: tenderId,
      data: { ...base, at: now.toISOString(), ...options.audit },
    });
  }
  return { now, from: state, status, stage, nextCheckAt, changed };
}
