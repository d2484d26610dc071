import { describe, expect, it } from "vitest";
import { countsAsDowntime, monthlyAvailability, unionOfIntervals } from "./availability";

const at = (iso: string) => new Date(iso);
const span = (from: string, to: string | null) => ({ startsAt: at(from), endsAt: to ? at(to) : null });
const HOUR = 3600;

describe("unionOfIntervals", () => {
  it("counts overlapping and touching intervals once", () => {
    const union = unionOfIntervals(
      [
        span("2026-11-10T02:00:00Z", "2026-11-10T04:00:00Z"),
        span("2026-11-10T03:00:00Z", "2026-11-10T05:00:00Z"),
        span("2026-11-10T05:00:00Z", "2026-11-10T06:00:00Z"),
        span("2026-11-10T01:00:00Z", "2026-11-10T01:30:00Z"),
      ],
      at("2026-11-20T00:00:00Z"),
    );
    expect(union.map(([s, e]) => [new Date(s).toISOString(), new Date(e).toISOString()])).toEqual([
      ["2026-11-10T01:00:00.000Z", "2026-11-10T01:30:00.000Z"],
      ["2026-11-10T02:00:00.000Z", "2026-11-10T06:00:00.000Z"],
    ]);
  });

  it("clips an ongoing interval at now and drops what lies in the future", () => {
    const now = at("2026-11-10T03:00:00Z");
    expect(unionOfIntervals([span("2026-11-10T02:00:00Z", null), span("2026-11-11T00:00:00Z", null)], now)).toEqual([
      [at("2026-11-10T02:00:00Z").getTime(), now.getTime()],
    ]);
  });
});

describe("countsAsDowntime", () => {
  it("counts a WEB gap, a whole-instance declaration and maintenance; not a WORKER gap or a partial incident", () => {
    expect(countsAsDowntime({ cause: "UNKNOWN", scope: "INSTANCE", role: "WEB" })).toBe(true);
    expect(countsAsDowntime({ cause: "UNKNOWN", scope: "INSTANCE", role: "WORKER" })).toBe(false);
    expect(countsAsDowntime({ cause: "DECLARED", scope: "INSTANCE", role: null })).toBe(true);
    expect(countsAsDowntime({ cause: "DECLARED", scope: "UPLOADS", role: null })).toBe(false);
    expect(countsAsDowntime({ cause: "DECLARED", scope: "SIGN_IN", role: null })).toBe(false);
    expect(countsAsDowntime({ cause: "MAINTENANCE", scope: "INSTANCE", role: null })).toBe(true);
  });
});

describe("monthlyAvailability", () => {
  const jakarta = { timeZone: "Asia/Jakarta", months: 3 };

  it("gives 100 to months without downtime and counts only the elapsed part of the current month", () => {
    const now = at("2026-12-07T03:00:00Z"); // 7 Dec 10.00 WIB
    const months = monthlyAvailability([], { ...jakarta, now });
    expect(months.map((m) => [m.month, m.percent])).toEqual([
      ["2026-12", 100],
      ["2026-11", 100],
      ["2026-10", 100],
    ]);
    // 1 Dec 00.00 WIB is 30 Nov 17.00 UTC
    expect(months[0]!.startsAt.toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(months[0]!.countedSeconds).toBe((6 * 24 + 10) * HOUR);
    expect(months[1]!.countedSeconds).toBe(30 * 24 * HOUR);
  });

  it("splits an interval across a month boundary between the two months", () => {
    const now = at("2026-12-07T03:00:00Z");
    // 30 Nov 22.00 WIB to 1 Dec 02.00 WIB: two hours in each month
    const months = monthlyAvailability([span("2026-11-30T15:00:00Z", "2026-11-30T19:00:00Z")], { ...jakarta, now });
    expect(months[0]!.downSeconds).toBe(2 * HOUR);
    expect(months[1]!.downSeconds).toBe(2 * HOUR);
    // November: 2 h of 720 h = 99.722…, rounded down
    expect(months[1]!.percent).toBe(99.72);
    // December so far: 2 h of 154 h = 98.701…
    expect(months[0]!.percent).toBe(98.7);
  });

  it("puts the boundary at midnight in the LPSE's zone, not at UTC midnight", () => {
    const now = at("2026-12-07T03:00:00Z");
    // 30 Nov 16.00-18.00 UTC: 23.00-01.00 WIB (split), but 01.00-03.00 WIT on 1 Dec (all December)
    const interval = [span("2026-11-30T16:00:00Z", "2026-11-30T18:00:00Z")];
    const wib = monthlyAvailability(interval, { ...jakarta, now });
    expect([wib[0]!.downSeconds, wib[1]!.downSeconds]).toEqual([HOUR, HOUR]);
    const wit = monthlyAvailability(interval, { timeZone: "Asia/Jayapura", months: 2, now });
    expect(wit[0]!.startsAt.toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect([wit[0]!.downSeconds, wit[1]!.downSeconds]).toEqual([2 * HOUR, 0]);
    expect(wit[1]!.percent).toBe(100);
  });

  it("counts overlapping intervals once and an ongoing one up to now", () => {
    const now = at("2026-12-07T03:00:00Z");
    const months = monthlyAvailability(
      [
        span("2026-12-02T00:00:00Z", "2026-12-02T02:00:00Z"),
        span("2026-12-02T01:00:00Z", "2026-12-02T03:00:00Z"),
        span("2026-12-07T02:00:00Z", null),
      ],
      { ...jakarta, now },
    );
    expect(months[0]!.downSeconds).toBe(4 * HOUR);
  });

  it("never shows 100.00 for a month with any downtime, and 0 for a month down throughout", () => {
    const now = at("2026-12-07T03:00:00Z");
    const months = monthlyAvailability(
      [span("2026-11-10T00:00:00Z", "2026-11-10T00:00:01Z"), span("2026-09-01T00:00:00Z", "2026-10-31T17:00:00Z")],
      { ...jakarta, now },
    );
    expect(months[1]!.percent).toBe(99.99);
    expect(months[2]!.percent).toBe(0);
  });

  it("leaves out the months before the instance was set up and counts its first month from then", () => {
    const since = at("2026-11-15T05:00:00Z"); // 12.00 WIB
    const months = monthlyAvailability([], {
      timeZone: "Asia/Jakarta",
      months: 12,
      now: at("2026-12-10T05:00:00Z"),
      since,
    });
    expect(months.map((m) => m.month)).toEqual(["2026-12", "2026-11"]);
    expect(months[1]!.startsAt).toEqual(since);
    expect(months[1]!.countedSeconds).toBe(15 * 24 * HOUR + 12 * HOUR);
  });

  it("crosses a year boundary", () => {
    const months = monthlyAvailability([], { timeZone: "Asia/Makassar", months: 2, now: at("2027-01-01T00:00:00Z") });
    expect(months.map((m) => m.month)).toEqual(["2027-01", "2026-12"]);
    expect(months[0]!.startsAt.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
});
