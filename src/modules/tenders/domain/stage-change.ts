import type { ChecklistItem } from "./publish-checklist";
import { pushBack, type StageMove, type StageWindow } from "./schedule";
import { isShorterThanMinimum } from "./stage-minimums";

export interface StageChange {
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

/** A reason the public can read: at least this many characters. */
export const MIN_CHANGE_REASON = 10;

/**
 * May stage `index` of a running schedule move to `change` at `now` (the database
 * clock)? Perlem LKPP 12/2021 lets the Pokja change the schedule of a stage that has not
 * passed, with a reason that is published. Once a stage has started, bidders act on it:
 * its start stays and its end may only move later, so nobody can cut a running bid
 * window short. No stage may be shorter than the minimum its procedure gave it when the
 * schedule was set (`minHours`). A later end pushes the later stages back (planStageChange),
 * so only the previous stage can be overlapped.
 * Returns "stagePassed" when the stage is over, otherwise the field problems (empty = ok).
 */
export function checkStageChange(
  stages: readonly StageWindow[],
  index: number,
  change: StageChange,
  now: Date,
): "stagePassed" | ChecklistItem[] {
  const stage = stages[index]!;
  const t = now.getTime();
  if (stage.endsAt.getTime() <= t) return "stagePassed";
  const items: ChecklistItem[] = [];
  const hasStarted = stage.startsAt.getTime() <= t;
  const start = change.startsAt.getTime();
  const end = change.endsAt.getTime();
  if (hasStarted && start !== stage.startsAt.getTime()) items.push({ field: "startsAt", key: "stageStarted" });
  if (!hasStarted && start < t) items.push({ field: "startsAt", key: "startInPast" });
  if (hasStarted && end < stage.endsAt.getTime()) items.push({ field: "endsAt", key: "endMovedEarlier" });
  else if (end <= t) items.push({ field: "endsAt", key: "endInPast" });
  else if (end <= start) items.push({ field: "endsAt", key: "stageEndsBeforeStart" });
  else if (isShorterThanMinimum(change, stage.minHours ?? 0)) items.push({ field: "endsAt", key: "stageTooShort" });
  const previous = stages[index - 1];
  if (previous && start < previous.endsAt.getTime()) items.push({ field: "startsAt", key: "overlapsPrevious" });
  if (start === stage.startsAt.getTime() && end === stage.endsAt.getTime())
    items.push({ field: "startsAt", key: "noChange" });
  if (change.reason.trim().length < MIN_CHANGE_REASON) items.push({ field: "reason", key: "changeReasonTooShort" });
  return items;
}

/**
 * Every stage an accepted change moves: the stage itself, and, when its end moves later,
 * the stages after it pushed back by as much, so the schedule stays in order with its
 * gaps as announced. An earlier end (only before the stage starts) moves nothing else.
 */
export function planStageChange<S extends StageWindow>(
  stages: readonly S[],
  index: number,
  change: { startsAt: Date; endsAt: Date },
): StageMove<S>[] {
  const stage = stages[index]!;
  const others = stages.filter((_, i) => i !== index);
  const later = pushBack(others, stage.endsAt, change.endsAt.getTime() - stage.endsAt.getTime());
  return [{ stage, startsAt: change.startsAt, endsAt: change.endsAt }, ...later];
}
