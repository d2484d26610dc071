import { describe, expect, it } from "vitest";
import { fromZonedLocal, nextDayAt, toZonedLocal, zoneLabel } from "./zoned-time";

describe("fromZonedLocal / toZonedLocal", () => {
  it.each([
    ["Asia/Jakarta", "2026-12-01T08:00", "2026-12-01T01:00:00.000Z", "WIB"],
    ["Asia/Makassar", "2026-12-01T08:00", "2026-12-01T00:00:00.000Z", "WITA"],
    ["Asia/Jayapura", "2026-12-01T08:00", "2026-11-30T23:00:00.000Z", "WIT"],
    ["Asia/Jayapura", "2027-01-01T00:00", "2026-12-31T15:00:00.000Z", "WIT"],
  ])("%s %s", (zone, local, iso, label) => {
    const instant = fromZonedLocal(local, zone)!;
    expect(instant.toISOString()).toBe(iso);
    expect(toZonedLocal(instant, zone)).toBe(local);
    expect(zoneLabel(instant, zone)).toBe(label);
  });

  it("follows daylight saving where a zone has it", () => {
    expect(fromZonedLocal("2026-07-01T12:00", "Europe/Amsterdam")!.toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(fromZonedLocal("2026-01-01T12:00", "Europe/Amsterdam")!.toISOString()).toBe("2026-01-01T11:00:00.000Z");
  });

  it("accepts seconds and refuses what is not a wall time", () => {
    expect(fromZonedLocal("2026-12-01T08:00:30", "Asia/Jakarta")!.toISOString()).toBe("2026-12-01T01:00:30.000Z");
    for (const bad of ["", "2026-12-01", "2026-02-30T08:00", "2026-12-01T24:00", "01/12/2026 08:00"]) {
      expect(fromZonedLocal(bad, "Asia/Jakarta")).toBeNull();
    }
  });

  it("shows whole minutes without seconds", () => {
    expect(toZonedLocal(new Date("2026-12-01T01:00:00Z"), "Asia/Jakarta")).toBe("2026-12-01T08:00");
  });
});

describe("nextDayAt", () => {
  it("is 08.00 tomorrow on the agency's calendar, not the server's", () => {
    // 16.00 UTC on 31 Dec is already 01.00 on 1 Jan in Jayapura, still 23.00 on 31 Dec in Jakarta
    const now = new Date("2026-12-31T16:00:00Z");
    expect(nextDayAt(now, "Asia/Jayapura").toISOString()).toBe("2027-01-01T23:00:00.000Z");
    expect(nextDayAt(now, "Asia/Jakarta").toISOString()).toBe("2027-01-01T01:00:00.000Z");
  });
});

describe("toZonedLocal with seconds", () => {
  it("keeps seconds when they are set, so a saved time posts back unchanged", () => {
    const at = new Date("2026-11-22T01:02:03Z");
    expect(toZonedLocal(at, "Asia/Jayapura")).toBe("2026-11-22T10:02:03");
    expect(fromZonedLocal(toZonedLocal(at, "Asia/Jayapura"), "Asia/Jayapura")).toEqual(at);
  });
});
