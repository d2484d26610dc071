import { describe, expect, it } from "vitest";
import { durationParts } from "./duration";

const t0 = new Date("2026-12-07T00:00:00Z");
const plus = (ms: number) => new Date(t0.getTime() + ms);

describe("durationParts", () => {
  it("rounds a partial minute up and splits days, hours and minutes", () => {
    expect(durationParts(t0, plus(10_000))).toEqual({ days: 0, hours: 0, minutes: 1 });
    expect(durationParts(t0, plus(60_000))).toEqual({ days: 0, hours: 0, minutes: 1 });
    expect(durationParts(t0, plus(3_600_000 + 5 * 60_000))).toEqual({ days: 0, hours: 1, minutes: 5 });
    expect(durationParts(t0, plus(4 * 86_400_000 + 2 * 3_600_000))).toEqual({ days: 4, hours: 2, minutes: 0 });
  });
  it("never goes below zero", () => {
    expect(durationParts(t0, plus(-5000))).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});
