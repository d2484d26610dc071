import { PROCUREMENT_METHODS } from "@/modules/paket/domain";
import { intSetting } from "@/server/int-setting";
import { RED_FLAG_DEFAULTS, type RedFlagThresholds } from "../domain/flags";

type Env = Record<string, string | undefined>;

/**
 * The red flags' figures: domain/flags.ts's defaults, each changed by its SEGEL_RED_FLAG_*
 * setting (configuration, not law). The bid period norm of a method is
 * SEGEL_RED_FLAG_BID_PERIOD_HOURS_<METHOD>; 0 there stops judging that method.
 * No "server-only": the CLI's recompute reads it too.
 */
export function readRedFlagSettings(env: Env = process.env): RedFlagThresholds {
  const d = RED_FLAG_DEFAULTS;
  const bidPeriodNormHours = Object.fromEntries(
    PROCUREMENT_METHODS.map((method) => {
      const hours = intSetting(
        env,
        `SEGEL_RED_FLAG_BID_PERIOD_HOURS_${method}`,
        d.bidPeriodNormHours[method] ?? 0,
        0,
        8760,
      );
      return [method, hours === 0 ? null : hours];
    }),
  ) as RedFlagThresholds["bidPeriodNormHours"];
  return {
    bidPeriodNormHours,
    priceShareOfHpsPermille: intSetting(
      env,
      "SEGEL_RED_FLAG_PRICE_SHARE_PERMILLE",
      d.priceShareOfHpsPermille,
      1,
      10_000,
    ),
    repeatWinnerWins: intSetting(env, "SEGEL_RED_FLAG_REPEAT_WINS", d.repeatWinnerWins, 2, 1000),
    repeatWinnerWindowDays: intSetting(env, "SEGEL_RED_FLAG_REPEAT_WINDOW_DAYS", d.repeatWinnerWindowDays, 1, 3660),
    lateAddendumHours: intSetting(env, "SEGEL_RED_FLAG_LATE_ADDENDUM_HOURS", d.lateAddendumHours, 1, 8760),
    lateDeadlineMoveHours: intSetting(env, "SEGEL_RED_FLAG_LATE_MOVE_HOURS", d.lateDeadlineMoveHours, 1, 8760),
    failedAdministrationPermille: intSetting(
      env,
      "SEGEL_RED_FLAG_FAILED_ADMINISTRATION_PERMILLE",
      d.failedAdministrationPermille,
      1,
      1000,
    ),
    failedAdministrationMinBids: intSetting(
      env,
      "SEGEL_RED_FLAG_FAILED_ADMINISTRATION_MIN_BIDS",
      d.failedAdministrationMinBids,
      1,
      1000,
    ),
  };
}
