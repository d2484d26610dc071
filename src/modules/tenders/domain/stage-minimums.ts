import type { StageKind } from "./stage-kind";

export const HOUR_MS = 60 * 60 * 1000;

/**
 * One stage of a procedure as configured in ProcedureConfig.stages: the default length
 * the schedule form proposes (days), the shortest window a schedule may give it
 * (minHours, 0 = none) and why that minimum is what it is (basis: the regulation, or
 * "configuration, not law").
 */
export type ProcedureStage = {
  kind: StageKind;
  days: number;
  minHours: number;
  basis: string;
};

/** Is the window shorter than `minHours`? At exactly the minimum it is long enough. */
export function isShorterThanMinimum(window: { startsAt: Date; endsAt: Date }, minHours: number): boolean {
  return window.endsAt.getTime() - window.startsAt.getTime() < minHours * HOUR_MS;
}
