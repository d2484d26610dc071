import { describe, expect, it } from "vitest";
import { BLACKLIST_MAX_YEARS, blacklistPeriodProblem } from "./period";

describe("blacklistPeriodProblem", () => {
  it("accepts a one-day sanction and refuses a last day before the first", () => {
    expect(blacklistPeriodProblem("2027-03-01", "2027-03-01")).toBeNull();
    expect(blacklistPeriodProblem("2027-03-01", "2027-02-28")).toBe("blacklistPeriodOrder");
  });

  it(`allows exactly ${BLACKLIST_MAX_YEARS} years counting both ends, not a day more`, () => {
    expect(blacklistPeriodProblem("2027-01-01", "2028-12-31")).toBeNull();
    expect(blacklistPeriodProblem("2027-01-01", "2029-01-01")).toBe("blacklistPeriodTooLong");
    expect(blacklistPeriodProblem("2027-03-01", "2029-02-28")).toBeNull();
    expect(blacklistPeriodProblem("2027-03-01", "2029-03-01")).toBe("blacklistPeriodTooLong");
  });

  it("takes the ceiling as a parameter (one year)", () => {
    expect(blacklistPeriodProblem("2027-01-01", "2027-12-31", 1)).toBeNull();
    expect(blacklistPeriodProblem("2027-01-01", "2028-01-01", 1)).toBe("blacklistPeriodTooLong");
  });
});
