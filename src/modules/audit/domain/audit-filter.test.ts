import { describe, expect, it } from "vitest";
import { actionMatch, dayRange } from "./audit-filter";

describe("dayRange", () => {
  it("covers whole days in the zone, the last one included", () => {
    expect(dayRange({ from: "2026-12-01", to: "2026-12-01" }, "Asia/Jayapura")).toEqual({
      from: new Date("2026-11-30T15:00:00Z"),
      to: new Date("2026-12-01T15:00:00Z"),
    });
    expect(dayRange({ to: "2026-12-31" }, "Asia/Jakarta")).toEqual({
      from: null,
      to: new Date("2026-12-31T17:00:00Z"),
    });
  });

  it("refuses a day that does not exist", () => {
    expect(dayRange({ from: "2026-02-30" }, "Asia/Makassar")).toBeNull();
  });
});

describe("actionMatch", () => {
  it("reads an area as every action in it, a dotted name as itself", () => {
    expect(actionMatch("auth")).toEqual({ prefix: "auth." });
    expect(actionMatch("auth.")).toEqual({ prefix: "auth." });
    expect(actionMatch("auth.signIn")).toEqual({ exact: "auth.signIn" });
  });
});
