import { describe, expect, it } from "vitest";
import { MAX_EMAIL_ATTEMPTS, retryAfterFailure } from "./backoff";

const MIN = 60_000;

describe("retryAfterFailure", () => {
  it.each([
    [1, 1 * MIN],
    [2, 5 * MIN],
    [3, 30 * MIN],
    [4, 120 * MIN],
    [5, 360 * MIN],
    [6, 720 * MIN],
    [7, 1440 * MIN],
  ])("after %i failed attempt(s) waits %i ms", (attempts, delayMs) => {
    expect(retryAfterFailure(attempts)).toEqual({ status: "PENDING", delayMs });
  });

  it("gives up at the 8th failed attempt, and stays given up", () => {
    expect(MAX_EMAIL_ATTEMPTS).toBe(8);
    expect(retryAfterFailure(8)).toEqual({ status: "FAILED" });
    expect(retryAfterFailure(9)).toEqual({ status: "FAILED" });
  });

  it("never shortens the wait from one attempt to the next", () => {
    let previous = 0;
    for (let n = 1; n < MAX_EMAIL_ATTEMPTS; n++) {
      const decision = retryAfterFailure(n);
      if (decision.status !== "PENDING") throw new Error("expected a retry");
      expect(decision.delayMs).toBeGreaterThan(previous);
      previous = decision.delayMs;
    }
  });

  it("refuses a count below one", () => {
    expect(() => retryAfterFailure(0)).toThrow(RangeError);
    expect(() => retryAfterFailure(1.5)).toThrow(RangeError);
  });
});
