import type { ChecklistItem } from "./publish-checklist";
import type { StageWindow } from "./schedule";

export interface StageChange {
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

/** A reason the public can read: at least this many characters. */
export const MIN_CHANGE_REASON = 10;

export type StageChangeRefusal = "stagePassed" | null;

/**
 * May stage `index` of a running schedule move to `change` at `now`? Perlem LKPP 12/2021
 * lets the Pokja change the schedule of a stage that has not passed, with a reason that
 * is published. A stage that has started keeps its start (bidders acted on it); later
 * stages stay where they are, so an overlap is refused rather than shifted silently.
 * Returns "stagePassed" when the stage is over, otherwise the field problems (empty = ok).
 */
export function checkStageChange(stages: readonly StageWindow[], index: number, change: StageChange, now: Date): "stagePassed" | ChecklistItem[] {
  const stage = stages[index]!;
  const t = now.getTime();
  if (stage.endsAt.getTime() <= t) return "stagePassed";
  const items: ChecklistItem[] = [];
  const hasStarted = stage.startsAt.getTime() <= t;
  const start = change.startsAt.getTime();
  const end = change.endsAt.getTime();
  if (hasStarted && start !== stage.startsAt.getTime()) items.push({ field: "startsAt", key: "stageStarted" });
  if (!hasStarted && start < t) items.push({ field: "startsAt", key: "startInPast" });
  if (end <= t) items.push({ field: "endsAt", key: "endInPast" });
  else if (end <= start) items.push({ field: "endsAt", key: "stageEndsBeforeStart" });
  const previous = stages[index - 1];
  const next = stages[index + 1];
  if (previous && start < previous.endsAt.getTime()) items.push({ field: "startsAt", key: "overlapsPrevious" });
  if (next && end > next.startsAt.getTime()) items.push({ field: "endsAt", key: "overlapsNext" });
  if (start === stage.startsAt.getTime() && end === stage.endsAt.getTime()) items.push({ field: "startsAt", key: "noChange" });
  if (change.reason.trim().length < MIN_CHANGE_REASON) items.push({ field: "reason", key: "changeReasonTooShort" });
  return items;
}
