import { describe, expect, it } from "vitest";
import { nextRate, secondsRemaining } from "./upload-rate";

describe("upload rate", () => {
  it("knows no rate until a second sample, then estimates the time left from it", () => {
    const first = nextRate(null, 0, 0);
    expect(secondsRemaining(first, 1_000_000)).toBeNull();
    const second = nextRate(first, 100_000, 1_000);
    expect(second.rate).toBe(100_000);
    expect(secondsRemaining(second, 1_000_000)).toBe(9);
  });

  it("smooths a burst: one fast second after a steady pace moves the estimate by less than half", () => {
    let s = nextRate(null, 0, 0);
    for (let t = 1; t <= 10; t++) s = nextRate(s, t * 10_000, t * 1_000);
    expect(s.rate).toBeCloseTo(10_000);
    const burst = nextRate(s, s.bytes + 100_000, 11_000);
    expect(burst.rate!).toBeGreaterThan(10_000);
    expect(burst.rate!).toBeLessThan(10_000 + 90_000 / 2);
  });

  it("weighs by time, not by event: one sample after six seconds counts as much as six one-second samples", () => {
    const base = nextRate(nextRate(null, 0, 0), 10_000, 1_000);
    const once = nextRate(base, 10_000 + 6 * 50_000, 7_000);
    let many = base;
    for (let t = 2; t <= 7; t++) many = nextRate(many, 10_000 + (t - 1) * 50_000, t * 1_000);
    expect(once.rate!).toBeCloseTo(many.rate!, 6);
  });

  it("starts again when the count goes back (a new upload) and says nothing when stalled", () => {
    const s = nextRate(nextRate(null, 0, 0), 500, 1_000);
    expect(nextRate(s, 100, 2_000).rate).toBeNull();
    expect(secondsRemaining({ bytes: 10, atMs: 0, rate: 0 }, 100)).toBeNull();
    expect(nextRate(s, 600, 1_000)).toBe(s);
  });
});
