import { describe, expect, it } from "vitest";
import { formatDateInZone, formatInZone, formatTimeInZone, zoneLabel } from "./time";

describe("formatInZone", () => {
  const at = new Date("2026-11-22T08:00:00Z");
  it.each([
    ["Asia/Jakarta", "id", "22 Nov 2026 15.00 WIB"],
    ["Asia/Pontianak", "id", "22 Nov 2026 15.00 WIB"],
    ["Asia/Makassar", "id", "22 Nov 2026 16.00 WITA"],
    ["Asia/Makassar", "en", "22 Nov 2026 16:00 WITA"],
    ["Asia/Jayapura", "id", "22 Nov 2026 17.00 WIT"],
    ["Asia/Jakarta", "en", "22 Nov 2026 15:00 WIB"],
    ["UTC", "en", "22 Nov 2026 08:00 UTC"],
    ["Asia/Kolkata", "en", "22 Nov 2026 13:30 UTC+5:30"],
    ["America/St_Johns", "id", "22 Nov 2026 04.30 UTC-3:30"],
  ] as const)("%s in %s", (zone, locale, expected) => {
    expect(formatInZone(at, zone, locale)).toBe(expected);
  });

  it("rolls the date over at local midnight, not UTC midnight", () => {
    expect(formatInZone(new Date("2026-12-31T16:59:59Z"), "Asia/Jakarta", "id")).toBe("31 Des 2026 23.59.59 WIB");
    expect(formatInZone(new Date("2026-12-31T17:00:00Z"), "Asia/Jakarta", "id")).toBe("1 Jan 2027 00.00 WIB");
    expect(formatInZone(new Date("2026-12-31T15:00:00Z"), "Asia/Jayapura", "id")).toBe("1 Jan 2027 00.00 WIT");
  });

  it("uses Indonesian month names in Indonesian", () => {
    expect(formatInZone(new Date("2026-08-17T03:00:00Z"), "Asia/Jakarta", "id")).toBe("17 Agu 2026 10.00 WIB");
    expect(formatInZone(new Date("2026-05-02T03:00:00Z"), "Asia/Jakarta", "id")).toBe("2 Mei 2026 10.00 WIB");
  });

  it("defaults to Indonesian", () => {
    expect(formatInZone(new Date("2026-11-22T08:00:00Z"), "Asia/Jakarta")).toBe("22 Nov 2026 15.00 WIB");
  });

  it("shows the seconds a deadline has, and only then", () => {
    expect(formatInZone(new Date("2026-12-06T04:10:01Z"), "Asia/Jakarta", "id")).toBe("6 Des 2026 11.10.01 WIB");
    expect(formatInZone(new Date("2026-12-06T04:10:01Z"), "Asia/Makassar", "en")).toBe("6 Dec 2026 12:10:01 WITA");
    expect(formatInZone(new Date("2026-12-06T04:10:00Z"), "Asia/Jakarta", "id")).toBe("6 Des 2026 11.10 WIB");
    // a stamp read to the second keeps its :00
    expect(formatInZone(new Date("2026-12-06T04:10:00Z"), "Asia/Jakarta", "id", { seconds: "always" })).toBe(
      "6 Des 2026 11.10.00 WIB",
    );
  });

  it("does not round a second up: 23.59.59 stays on its day", () => {
    expect(formatInZone(new Date("2026-12-31T16:59:59.999Z"), "Asia/Jakarta", "id")).toBe("31 Des 2026 23.59.59 WIB");
  });

  it("refuses an unknown zone rather than guessing", () => {
    expect(() => formatInZone(at, "Asia/Bandung", "id")).toThrow(RangeError);
  });
});

describe("zoneLabel", () => {
  it("follows daylight saving outside Indonesia", () => {
    expect(zoneLabel(new Date("2026-01-15T12:00:00Z"), "Europe/Amsterdam")).toBe("UTC+1");
    expect(zoneLabel(new Date("2026-07-15T12:00:00Z"), "Europe/Amsterdam")).toBe("UTC+2");
  });
  it("names the legacy Makassar alias WITA", () => {
    expect(zoneLabel(new Date("2026-07-15T12:00:00Z"), "Asia/Ujung_Pandang")).toBe("WITA");
  });
});

describe("formatTimeInZone", () => {
  it("gives the time of day with its zone, seconds when asked", () => {
    expect(formatTimeInZone(new Date("2026-12-06T04:10:01Z"), "Asia/Jayapura", "id")).toBe("13.10.01 WIT");
    expect(formatTimeInZone(new Date("2026-12-06T04:10:00Z"), "Asia/Jakarta", "en", { seconds: "always" })).toBe(
      "11:10:00 WIB",
    );
  });
});

describe("formatDateInZone", () => {
  it("gives the local calendar day", () => {
    expect(formatDateInZone(new Date("2026-11-22T17:30:00Z"), "Asia/Jakarta", "id")).toBe("23 Nov 2026");
  });
});
