import "server-only";
import { intSetting } from "@/server/int-setting";

/**
 * Saved-search alerts (docs/decisions/0041). Configuration, not law:
 * - SEGEL_SAVED_SEARCH_MAX: searches one vendor user may keep (default 20), so a pass stays bounded;
 * - SEGEL_ALERT_DIGEST_HOUR: the hour (0-23, the LPSE's zone) the daily digest goes out (default 7);
 * - SEGEL_ALERT_LAG_SECONDS: how far behind its cursor the pass looks again (default 600), for a
 *   publishing transaction that stamps its time and commits after a later one has been matched.
 */
export function readAlertSettings(env: Record<string, string | undefined> = process.env) {
  return {
    maxPerUser: intSetting(env, "SEGEL_SAVED_SEARCH_MAX", 20, 1, 1000),
    digestHour: intSetting(env, "SEGEL_ALERT_DIGEST_HOUR", 7, 0, 23),
    lagSeconds: intSetting(env, "SEGEL_ALERT_LAG_SECONDS", 600, 0, 86_400),
  };
}
