/**
 * Times are shown in the agency's own zone with the Indonesian zone name, because a bid
 * deadline of "15.00" means nothing to a vendor in Jayapura unless it says WIB or WIT.
 */

export type DisplayLocale = "id" | "en";

// Pontianak (West Kalimantan) has its own IANA zone but keeps WIB. Ujung_Pandang is the
// old name of Asia/Makassar and still appears in some tz databases.
const INDONESIAN_ZONES: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Ujung_Pandang": "WITA",
  "Asia/Jayapura": "WIT",
};

// en-GB keeps the day-month-year order the Indonesian reader expects in both languages.
const INTL_LOCALE: Record<DisplayLocale, string> = { id: "id-ID", en: "en-GB" };
// Indonesian writes the time with a dot (15.00), English with a colon (15:00).
const TIME_SEPARATOR: Record<DisplayLocale, string> = { id: ".", en: ":" };

/** "WIB", "WITA", "WIT" for Indonesian zones; otherwise the offset at that instant, e.g. "UTC+5:30". */
export function zoneLabel(date: Date, timeZone: string): string {
  const named = INDONESIAN_ZONES[timeZone];
  if (named) return named;
  // en-US "shortOffset" gives "GMT", "GMT+7", "GMT-3:30"; the offset is taken at `date`
  // so daylight saving elsewhere is honoured.
  const offset = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName")?.value;
  // Some ICU versions write zero as "GMT+0", others as "GMT"; both become "UTC".
  return (offset ?? "GMT").replace(/^(?:GMT|UTC)(?:[+-]0)?$/, "GMT").replace(/^GMT/, "UTC");
}

/**
 * "22 Nov 2026 15.00 WIB" (id) or "22 Nov 2026 15:00 WITA" (en).
 * Throws RangeError for an unknown zone: showing a deadline in the wrong zone is worse
 * than showing an error.
 */
export function formatInZone(date: Date, timeZone: string, locale: DisplayLocale = "id"): string {
  const parts = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const time = `${part("hour")}${TIME_SEPARATOR[locale]}${part("minute")}`;
  return `${part("day")} ${part("month")} ${part("year")} ${time} ${zoneLabel(date, timeZone)}`;
}

/** Date only, in the zone: "22 Nov 2026". */
export function formatDateInZone(date: Date, timeZone: string, locale: DisplayLocale = "id"): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone, day: "numeric", month: "short", year: "numeric" }).format(date);
}
