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
 * "22 Nov 2026 15.00 WIB" (id) or "22 Nov 2026 15:00 WITA" (en); with the seconds when the
 * instant has them ("11.10.01 WIB"), because a deadline of 11.10.01 shown as "11.10" sends
 * a vendor racing it to the wrong second. `seconds: "always"` for a stamp read to the
 * second (a receipt, the server's clock) even when it falls on :00.
 * Throws RangeError for an unknown zone: showing a deadline in the wrong zone is worse
 * than showing an error.
 */
export function formatInZone(
  date: Date,
  timeZone: string,
  locale: DisplayLocale = "id",
  options: { seconds?: "auto" | "always" } = {},
): string {
  return `${formatDateInZone(date, timeZone, locale)} ${formatTimeInZone(date, timeZone, locale, options)}`;
}

/** The time of day only, with the zone: "11.10.01 WIB", "15.00 WIB" (seconds as in formatInZone). */
export function formatTimeInZone(
  date: Date,
  timeZone: string,
  locale: DisplayLocale = "id",
  { seconds = "auto" }: { seconds?: "auto" | "always" } = {},
): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const fields = [part("hour"), part("minute")];
  if (seconds === "always" || part("second") !== "00") fields.push(part("second"));
  return `${fields.join(TIME_SEPARATOR[locale])} ${zoneLabel(date, timeZone)}`;
}

/** Date only, in the zone: "22 Nov 2026". */
export function formatDateInZone(date: Date, timeZone: string, locale: DisplayLocale = "id"): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(date);
}
