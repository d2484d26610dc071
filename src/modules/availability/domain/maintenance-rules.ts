/**
 * What an announced maintenance window must be, and which deadlines it refuses (issue 13,
 * docs/decisions/0040). Pure: the clock, the other windows and the figures come in.
 */
import type { StageKind } from "@/modules/tenders/domain";
import { ACTION_STAGES } from "./compensation-rule";
import { periodEnd, type MaintenancePeriod } from "./maintenance";

const HOUR_MS = 60 * 60 * 1000;

/**
 * The longest window one announcement may cover. Configuration, not law: no regulation
 * limits maintenance; three days is what an upgrade with a restore rehearsal needs, and a
 * longer stop should be announced as several windows, each argued for.
 */
export const MAINTENANCE_MAX_HOURS = 72;
export const MAINTENANCE_DESCRIPTION_MIN = 10;
export const MAINTENANCE_DESCRIPTION_MAX = 2000;
/** The banner announces a window this many days ahead (configuration, not law). */
export const MAINTENANCE_BANNER_DAYS = 7;

/**
 * Stages whose end is a deadline somebody must meet (the design's list, the same as the
 * compensation rule's INSTANCE scope): none may end inside an announced window.
 */
export const MAINTENANCE_GUARDED_STAGES: readonly StageKind[] = ACTION_STAGES.INSTANCE;

export interface MaintenanceProposal {
  startsAt: Date;
  endsAt: Date;
  description: string;
}

export type MaintenanceProblem =
  | { field: "startsAt"; key: "maintenance.tooSoon"; values: { hours: number } }
  | { field: "endsAt"; key: "maintenance.endBeforeStart" }
  | { field: "endsAt"; key: "maintenance.tooLong"; values: { hours: number } }
  | { field: "description"; key: "maintenance.descriptionLength"; values: { min: number; max: number } }
  | { field: "startsAt"; key: "maintenance.overlaps"; window: MaintenancePeriod };

/** Every problem of a proposed window (empty: it may be announced). */
export function checkMaintenanceProposal(
  proposal: MaintenanceProposal,
  now: Date,
  others: readonly MaintenancePeriod[],
  noticeHours: number,
): MaintenanceProblem[] {
  const problems: MaintenanceProblem[] = [];
  const start = proposal.startsAt.getTime();
  const end = proposal.endsAt.getTime();
  if (start < now.getTime() + noticeHours * HOUR_MS)
    problems.push({ field: "startsAt", key: "maintenance.tooSoon", values: { hours: noticeHours } });
  if (end <= start) problems.push({ field: "endsAt", key: "maintenance.endBeforeStart" });
  else if (end - start > MAINTENANCE_MAX_HOURS * HOUR_MS)
    problems.push({ field: "endsAt", key: "maintenance.tooLong", values: { hours: MAINTENANCE_MAX_HOURS } });
  const length = proposal.description.trim().length;
  if (length < MAINTENANCE_DESCRIPTION_MIN || length > MAINTENANCE_DESCRIPTION_MAX)
    problems.push({
      field: "description",
      key: "maintenance.descriptionLength",
      values: { min: MAINTENANCE_DESCRIPTION_MIN, max: MAINTENANCE_DESCRIPTION_MAX },
    });
  const overlap = others.find((w) => !w.cancelledAt && w.startsAt.getTime() < end && start < periodEnd(w).getTime());
  if (overlap && end > start) problems.push({ field: "startsAt", key: "maintenance.overlaps", window: overlap });
  return problems;
}

/**
 * The first guarded stage whose end falls in an announced window, with that window:
 * start inclusive, end exclusive (a deadline at the window's very end is after it).
 */
export function guardedEndInWindow<S extends { kind: StageKind; endsAt: Date }, W extends MaintenancePeriod>(
  stages: readonly S[],
  windows: readonly W[],
): { stage: S; window: W } | null {
  for (const stage of stages) {
    if (!MAINTENANCE_GUARDED_STAGES.includes(stage.kind)) continue;
    const t = stage.endsAt.getTime();
    const window = windows.find((w) => !w.cancelledAt && w.startsAt.getTime() <= t && t < periodEnd(w).getTime());
    if (window) return { stage, window };
  }
  return null;
}

/**
 * Where a deadline pushed by a rule (the addendum's extension) must go instead of inside a
 * window: the window's end; windows that touch are followed to the last one.
 */
export function endOutsideWindows(end: Date, windows: readonly MaintenancePeriod[]): Date {
  let t = end.getTime();
  for (let moved = true; moved;) {
    moved = false;
    for (const w of windows) {
      if (!w.cancelledAt && w.startsAt.getTime() <= t && t < periodEnd(w).getTime()) {
        t = periodEnd(w).getTime();
        moved = true;
      }
    }
  }
  return new Date(t);
}
