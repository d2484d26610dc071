/**
 * Availability per month for /status (docs/decisions/0040): the share of each month's
 * elapsed time the portal was usable. Pure: the server reads the outages and passes `now`.
 *
 * Only intervals in which nobody could use the portal count: a WEB heartbeat gap, a
 * declared incident of the whole instance and maintenance. A WORKER gap (people could still
 * act) and a partial incident (UPLOADS, SIGN_IN) are listed on the page but not counted as
 * full downtime, and the page says so. Overlapping intervals count once (their union).
 */
import { toZonedLocal, fromZonedLocal } from "@/lib/zoned-time";
import type { OutageCause, OutageScope, ProcessRole } from "./enums";

export interface DowntimeInterval {
  startsAt: Date;
  /** null: still going on (clipped at `now`) */
  endsAt: Date | null;
}

export interface OutageKind {
  cause: OutageCause;
  scope: OutageScope;
  role: ProcessRole | null;
}

/** Whether an outage made the whole portal unusable (and so counts against availability). */
export function countsAsDowntime(o: OutageKind): boolean {
  if (o.cause === "UNKNOWN") return o.role === "WEB";
  if (o.cause === "DECLARED") return o.scope === "INSTANCE";
  return o.cause === "MAINTENANCE";
}

/** The union of the intervals as sorted, disjoint [start, end) pairs in ms; ongoing ones end at `now`, future parts are dropped. */
export function unionOfIntervals(intervals: readonly DowntimeInterval[], now: Date): [number, number][] {
  const clipped = intervals
    .map(({ startsAt, endsAt }): [number, number] => [
      startsAt.getTime(),
      Math.min(endsAt?.getTime() ?? now.getTime(), now.getTime()),
    ])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const union: [number, number][] = [];
  for (const [start, end] of clipped) {
    const last = union.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else union.push([start, end]);
  }
  return union;
}

export interface MonthAvailability {
  /** "2026-11": the month in the LPSE's zone */
  month: string;
  /** the month's start in the zone; its end, or `now` for the current month */
  startsAt: Date;
  endsAt: Date;
  /** seconds of the month counted (the elapsed part of the current month) */
  countedSeconds: number;
  downSeconds: number;
  /** 0-100 with two decimals, rounded down so a month with any downtime never shows 100.00 */
  percent: number;
}

/** The first instant of the month `offset` months after the month of "YYYY-MM" in the zone. */
function monthStart(year: number, month: number, offset: number, timeZone: string): Date {
  const index = year * 12 + (month - 1) + offset;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return fromZonedLocal(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-01T00:00`, timeZone)!;
}

/** Whole seconds of the union inside [from, to). */
function overlapSeconds(union: readonly [number, number][], from: number, to: number): number {
  let ms = 0;
  for (const [start, end] of union) {
    if (end <= from) continue;
    if (start >= to) break;
    ms += Math.min(end, to) - Math.max(start, from);
  }
  return Math.round(ms / 1000);
}

/** Rounded down to two decimals; exactly 100 only without any downtime. */
function percentOf(counted: number, down: number): number {
  if (counted <= 0 || down <= 0) return 100;
  // whole seconds, so the product is exact: no 99.95 shown as 99.94 by a float's last bit
  return Math.floor(((counted - Math.min(down, counted)) * 10_000) / counted) / 100;
}

/**
 * Availability of the last `months` months in the LPSE's zone, newest first, the current
 * month counted up to `now`. A month with no downtime is 100. With `since` (when the
 * instance was set up), a month before it is left out and the month it falls in counts
 * from it: a portal that did not exist yet was not available.
 */
export function monthlyAvailability(
  intervals: readonly DowntimeInterval[],
  options: { now: Date; timeZone: string; months: number; since?: Date | null },
): MonthAvailability[] {
  const { now, timeZone, months, since } = options;
  const union = unionOfIntervals(intervals, now);
  const [year, month] = toZonedLocal(now, timeZone).slice(0, 7).split("-").map(Number) as [number, number];
  const result: MonthAvailability[] = [];
  for (let back = 0; back < months; back++) {
    const monthEnd = monthStart(year, month, 1 - back, timeZone);
    if (since && monthEnd.getTime() <= since.getTime()) break;
    const first = monthStart(year, month, -back, timeZone);
    const startsAt = since && since > first ? since : first;
    const endsAt = new Date(Math.min(monthEnd.getTime(), now.getTime()));
    const countedSeconds = Math.max(0, Math.round((endsAt.getTime() - startsAt.getTime()) / 1000));
    const downSeconds = overlapSeconds(union, startsAt.getTime(), endsAt.getTime());
    result.push({
      month: toZonedLocal(first, timeZone).slice(0, 7),
      startsAt,
      endsAt,
      countedSeconds,
      downSeconds,
      percent: percentOf(countedSeconds, downSeconds),
    });
  }
  return result;
}
