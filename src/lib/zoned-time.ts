/**
 * The bridge between an `<input type="datetime-local">` value ("2026-12-01T08:00") and an
 * instant, in the agency's zone rather than the browser's: a Pokja in Jayapura editing
 * from a laptop set to WIB still means WIT. Indonesia keeps no daylight saving, but the
 * offset is read from Intl at the instant itself, so any IANA zone works.
 */
export { zoneLabel } from "./time";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function partsIn(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** Offset of `timeZone` from UTC at `date`, in milliseconds (Asia/Jakarta: +7 h). */
function offsetAt(date: Date, timeZone: string): number {
  const p = partsIn(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** "2026-12-01T08:00" in Asia/Jayapura -> 2026-11-30T23:00:00Z; null for anything else. */
export function fromZonedLocal(value: string, timeZone: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(wall);
  // Reject 2026-02-30 and 25:00 instead of letting Date roll them over.
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || check.getUTCHours() !== hour!) return null;
  // Guess with the offset at the wall time read as UTC, then correct once for a zone
  // whose offset differs at the real instant (daylight saving elsewhere).
  let instant = wall - offsetAt(new Date(wall), timeZone);
  instant = wall - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}

/** The instant as the agency's wall clock shows it: "2026-12-01T08:00" (minutes). */
export function toZonedLocal(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  // Seconds only when set, so an unchanged form posts back exactly what was saved.
  const seconds = date.getUTCSeconds() ? `:${pad(date.getUTCSeconds())}` : "";
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}${seconds}`;
}

/** The day after `now`'s date in the zone, at the given wall time: a sensible first start. */
export function nextDayAt(now: Date, timeZone: string, time = "08:00"): Date {
  const today = toZonedLocal(now, timeZone).slice(0, 10);
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return fromZonedLocal(`${tomorrow}T${time}`, timeZone)!;
}
