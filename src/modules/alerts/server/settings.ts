import "server-only";
import { intSetting } from "@/server/int-setting";

/**
 * Saved-search alerts (docs/decisions/0041). Configuration, not law:
 * - SEGEL_SAVED_SEARCH_MAX: searches one vendor user may keep (default 20), so a pass stays bounded;
 * - SEGEL_ALERT_DIGEST_HOUR: the hour (0-23, the LPSE's zone) the daily digest goes out (default 7);
 * - SEGEL_ALERT_LAG_SECONDS: how far behind its cursor the pass looks again (default 120), for a
 *   publishing transaction that stamps its time and commits after a later one has been matched:
 *   it must exceed the longest transaction (60 s in Segel); each tick matches the tenders of the
 *   last 1.5 lags again, as no-ops, so it is not made longer than it needs to be.
 */
export function readAlertSettings(env: Record<string, string | undefined> = process.env) {
  return {
    maxPerUser: intSetting(env, "SEGEL_SAVED_SEARCH_MAX", 20, 1, 1000),
    digestHour: intSetting(env, "SEGEL_ALERT_DIGEST_HOUR", 7, 0, 23),
    lagSeconds: intSetting(env, "SEGEL_ALERT_LAG_SECONDS", 120, 0, 86_400),
  };
}
