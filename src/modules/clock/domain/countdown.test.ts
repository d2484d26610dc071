import { describe, expect, it } from "vitest";
import { formatRemaining, nextWake, windowPhase } from "./countdown";
import { estimateOffset } from "./server-offset";

const id = { day: "hari", days: "hari" };
const en = { day: "day", days: "days" };

describe("formatRemaining", () => {
  it.each([
    [3_000, "00.00.03"],
    [2_001, "00.00.03"], // rounded up: never 0 while time is left
    [1, "00.00.01"],
    [0, "00.00.00"],
    [-5_000, "00.00.00"],
    [3_723_000, "01.02.03"],
    [86_400_000, "1 hari 00.00.00"],
    [2 * 86_400_000 + 3_723_000, "2 hari 01.02.03"],
  ])("%i ms left reads %s", (ms, expected) => {
    expect(formatRemaining(ms, id, ".")).toBe(expected);
  });

  it("says day or days in English", () => {
    expect(formatRemaining(86_400_000 + 1_000, en, ":")).toBe("1 day 00:00:01");
    expect(formatRemaining(3 * 86_400_000, en, ":")).toBe("3 days 00:00:00");
  });
});

describe("windowPhase", () => {
  const windows = [{ startsAt: 1_000, endsAt: 2_000 }];
  it("opens at the start instant and is over at the end instant", () => {
    expect(windowPhase(windows, 999)).toBe("before");
    expect(windowPhase(windows, 1_000)).toBe("open");
    expect(windowPhase(windows, 1_999)).toBe("open");
    expect(windowPhase(windows, 2_000)).toBe("after");
  });
  it("is before again between two windows, after only once the last has ended", () => {
    const two = [...windows, { startsAt: 5_000, endsAt: 6_000 }];
    expect(windowPhase(two, 3_000)).toBe("before");
    expect(windowPhase(two, 6_000)).toBe("after");
  });
  it("is after when there is no window at all", () => {
    expect(windowPhase([], 0)).toBe("after");
  });
});

describe("estimateOffset", () => {
  it("takes the server's reading as made at the middle of the round trip", () => {
    // browser clock 10 minutes slow: sent at 1000, answered 200 ms later with 600 100 + 1000
    expect(estimateOffset(601_100, 1_000, 1_200)).toEqual({ offsetMs: 600_000, errorMs: 100 });
  });
});

describe("nextWake", () => {
  it("wakes at the next whole second, or at a boundary before it", () => {
    expect(nextWake(10_250, [])).toBe(11_000);
    expect(nextWake(10_250, [10_500, 20_000])).toBe(10_500);
    expect(nextWake(10_250, [9_000])).toBe(11_000);
  });
});
