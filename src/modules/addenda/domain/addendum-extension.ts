import { findBidDeadline, type StageWindow, HOUR_MS } from "@/modules/tenders/domain";

/**
 * How far an addendum published at `now` pushes the bid deadline back: bidders keep at
 * least `minHours` after it to adjust their bids. Perlem LKPP 12/2021 says the Pokja
 * extends the deadline when a change needs more preparation time but names no figure;
 * the figure is per-procedure configuration, not law (Prozorro's rule is 4 days).
 * Returns the shift in ms, or 0 when the deadline is far enough (at exactly
 * now + minimum it is).
 */
export function addendumShiftMs(stages: readonly StageWindow[], now: Date, minHours: number): number {
  const deadline = findBidDeadline(stages);
  if (!deadline) return 0;
  return Math.max(0, now.getTime() + minHours * HOUR_MS - deadline.getTime());
}
