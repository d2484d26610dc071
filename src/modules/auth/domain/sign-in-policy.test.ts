import { describe, expect, it } from "vitest";
import { failureDelayMs, minutesLeft, pairPauseSeconds, parseDelayMs } from "./sign-in-policy";

describe("pairPauseSeconds", () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 60],
    [6, 120],
    [7, 240],
    [8, 480],
    [9, 900],
    [40, 900],
  ])("after try %i waits %i s", (attempt, expected) => {
    expect(pairPauseSeconds(attempt)).toBe(expected);
  });
});

describe("failureDelayMs", () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 3000],
    [4, 4000],
    [5, 5000],
    [9, 5000],
  ])("after %i failures waits %i ms", (failures, expected) => {
    expect(failureDelayMs(failures, 1000)).toBe(expected);
  });

  it("scales with the configured step and can be switched off", () => {
    expect(failureDelayMs(4, 10)).toBe(40);
    expect(failureDelayMs(4, 0)).toBe(0);
  });
});

describe("parseDelayMs", () => {
  it.each([
    [undefined, 1000],
    ["", 1000],
    ["0", 0],
    ["250", 250],
    ["-5", 1000],
    ["abc", 1000],
  ])("reads %s as %i", (raw, expected) => {
    expect(parseDelayMs(raw)).toBe(expected);
  });
});

describe("minutesLeft", () => {
  it("rounds up and never shows zero", () => {
    expect(minutesLeft(15 * 60_000)).toBe(15);
    expect(minutesLeft(14 * 60_000 + 1)).toBe(15);
    expect(minutesLeft(0)).toBe(1);
  });
});
