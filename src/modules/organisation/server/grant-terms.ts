import "server-only";
import { fromZonedLocal } from "@/lib/zoned-time";
import { AppError } from "@/server/errors";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The decree's days as instants in the agency's time zone: valid from the start of the
 * first day through the end of the last (an SK "berlaku sampai dengan 31 Desember" still
 * counts on that day). Refuses a validity that has already run out: granting it is a mistake.
 */
export function grantWindow(
  terms: { validFrom?: string; validUntil?: string },
  timeZone: string,
  now: Date,
): { validFrom: Date | null; validUntil: Date | null } {
  const startOf = (day: string) => {
    const instant = fromZonedLocal(`${day}T00:00`, timeZone);
    if (!instant) throw new AppError("VALIDATION", "dateInvalid");
    return instant;
  };
  const validFrom = terms.validFrom ? startOf(terms.validFrom) : null;
  // Indonesia keeps no daylight saving, so the next midnight is 24 hours on.
  const validUntil = terms.validUntil ? new Date(startOf(terms.validUntil).getTime() + DAY_MS) : null;
  if (validFrom && validUntil && validUntil <= validFrom) throw new AppError("VALIDATION", "validUntilBeforeValidFrom");
  if (validUntil && validUntil <= now) throw new AppError("VALIDATION", "validUntilPast");
  return { validFrom, validUntil };
}
