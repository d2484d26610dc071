/**
 * The sanction's period as the decree states it: a first and a last calendar day, both
 * counted ("sampai dengan"), read in the imposing agency's time zone by the use case.
 *
 * The longest period: Perpres 16/2018 Pasal 78 ayat (5) as amended by Perpres 12/2021 gives
 * sanksi daftar hitam for 1 (satu) or 2 (dua) years depending on the offence. The figure is
 * held here, not in a form; it is the law's ceiling as we read it (see docs/decisions/0042 A).
 */
export const BLACKLIST_MAX_YEARS = 2;

export type BlacklistPeriodProblem = "blacklistPeriodOrder" | "blacklistPeriodTooLong";

/** ISO days (YYYY-MM-DD) compare as strings; the last day may fall at most one day short of maxYears on. */
export function blacklistPeriodProblem(
  firstDay: string,
  lastDay: string,
  maxYears: number = BLACKLIST_MAX_YEARS,
): BlacklistPeriodProblem | null {
  if (lastDay < firstDay) return "blacklistPeriodOrder";
  const year = Number(firstDay.slice(0, 4)) + maxYears;
  const limit = `${String(year).padStart(4, "0")}${firstDay.slice(4)}`;
  return lastDay < limit ? null : "blacklistPeriodTooLong";
}
