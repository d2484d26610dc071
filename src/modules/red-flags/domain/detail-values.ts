import type { RedFlagCode } from "./codes";
import type { RedFlagThresholds } from "./flags";

type Values = Record<string, string | number>;

/** Thousandths as a percent with at most one decimal (950 → 95, 957 → 95.7). */
export const permilleToPercent = (permille: number): number => permille / 10;

/** A raised flag's stored figures as its message's values (redFlags.json `flags.<code>.detail`). */
export function detailValues(code: RedFlagCode, detail: Values): Values {
  const n = (key: string) => Number(detail[key] ?? 0);
  if (code === "PRICE_NEAR_HPS")
    return { percent: permilleToPercent(n("sharePermille")), threshold: permilleToPercent(n("thresholdPermille")) };
  if (code === "MANY_FAILED_ADMINISTRATION") return { ...detail, threshold: permilleToPercent(n("thresholdPermille")) };
  if (code === "COMPENSATED") return { ...detail, minutes: Math.ceil(n("seconds") / 60) };
  return detail;
}

/** The values of a flag's threshold text (redFlags.json `thresholds.<code>`) from the settings in force. */
export function thresholdValues(code: RedFlagCode, t: RedFlagThresholds): Values {
  switch (code) {
    case "PRICE_NEAR_HPS":
      return { percent: permilleToPercent(t.priceShareOfHpsPermille) };
    case "REPEAT_WINNER":
      return { wins: t.repeatWinnerWins, days: t.repeatWinnerWindowDays };
    case "LATE_ADDENDUM":
      return { hours: t.lateAddendumHours };
    case "LATE_DEADLINE_MOVE":
      return { hours: t.lateDeadlineMoveHours };
    case "MANY_FAILED_ADMINISTRATION":
      return { percent: permilleToPercent(t.failedAdministrationPermille), bids: t.failedAdministrationMinBids };
    default:
      return {};
  }
}
