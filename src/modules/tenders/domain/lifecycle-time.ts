/**
 * The lifecycle's answers that depend on the time given: the worker's next look after an
 * event, the stage in force for pages, and what a compensation does once the stages moved.
 * Pure, like lifecycle.ts: the time comes in as an argument.
 */
import type { LifecycleState, NextCheckRule } from "./lifecycle";
import { findCurrentStage, nextBoundary, statusAfter, type StageWindow } from "./schedule";
import type { StageKind } from "./stage-kind";
import type { TenderStatus } from "./tender-status";

/** The next look by `rule`: `boundary` is the schedule's next boundary after now, `extra` an instant the event adds. */
export function nextCheckAfter(
  rule: NextCheckRule,
  current: Date | null,
  now: Date,
  boundary: Date | null,
  extra: Date | null = null,
): Date | null | undefined {
  if (rule === "keep") return undefined;
  if (rule === "clear") return null;
  if (rule === "keepIfDue" && current !== null && current.getTime() <= now.getTime()) return current;
  const candidates = [boundary, extra].filter((t): t is Date => t !== null && t.getTime() > now.getTime());
  if (candidates.length === 0) return null;
  return new Date(Math.min(...candidates.map((t) => t.getTime())));
}

/** Ended without a contract: the schedule is kept for the record, but no stage is in force. */
const ABANDONED_STATUSES: readonly TenderStatus[] = ["FAILED", "CANCELLED"];

/**
 * The one answer to "which stage is this tender in", for every page and list: the stage
 * running at `now` by the schedule, none once the tender failed or was cancelled. (The
 * Tender.currentStage column is the worker's record of the last stage it announced, so it
 * can tell a boundary happened; pages do not read it.)
 */
export function stageInForce<S extends StageWindow>(status: TenderStatus, stages: readonly S[], now: Date): S | null {
  return ABANDONED_STATUSES.includes(status) ? null : findCurrentStage(stages, now);
}

export type CompensatedStep =
  | { ok: true; status: TenderStatus; stage: StageKind | null; nextCheckAt: Date | null }
  | { ok: false; key: "tenderAlreadyOpened" };

/**
 * What a compensation (issue 13) does to the lifecycle once the stages moved: if the bid
 * deadline moved back past `now`, an EVALUATION tender goes back to PUBLISHED with the
 * stage the clock gives, but only while no bid was opened (an opened bid cannot be sealed
 * again: then the compensation may not be applied at all). Otherwise the status and the
 * recorded stage stay, and a boundary already due stays due for the worker to record.
 */
export function compensatedStep(
  state: Pick<LifecycleState, "status" | "openedAt" | "nextCheckAt"> & { currentStage: StageKind | null },
  stages: readonly StageWindow[],
  now: Date,
): CompensatedStep {
  const stage = findCurrentStage(stages, now)?.kind ?? null;
  const boundary = nextBoundary(stages, now);
  if (state.status !== "PUBLISHED" && statusAfter(stage, stages, now) === "PUBLISHED") {
    // opened bids cannot be sealed again, whatever came after the opening (award, sanggah)
    if (state.openedAt || state.status !== "EVALUATION") return { ok: false, key: "tenderAlreadyOpened" };
    return { ok: true, status: "PUBLISHED", stage, nextCheckAt: boundary };
  }
  const nextCheckAt = nextCheckAfter("keepIfDue", state.nextCheckAt, now, boundary) ?? null;
  return { ok: true, status: state.status, stage: state.currentStage, nextCheckAt };
}
