import { describe, expect, it } from "vitest";
import { incidentEndProblem, incidentPeriodProblems } from "./incident";

const now = new Date("2026-12-07T03:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe("incidentPeriodProblems", () => {
  it("accepts a past period, one ending now, and one still going on", () => {
    expect(incidentPeriodProblems({ startsAt: at(-60), endsAt: at(-10) }, now)).toEqual({});
    expect(incidentPeriodProblems({ startsAt: at(-60), endsAt: now }, now)).toEqual({});
    expect(incidentPeriodProblems({ startsAt: at(-60), endsAt: null }, now)).toEqual({});
    expect(incidentPeriodProblems({ startsAt: now, endsAt: null }, now)).toEqual({});
  });
  it("refuses a start in the future", () => {
    expect(incidentPeriodProblems({ startsAt: at(1), endsAt: null }, now)).toEqual({
      startsAt: ["incident.startInFuture"],
    });
  });
  it("refuses a start more than 30 days back, and accepts one exactly 30 days back", () => {
    expect(incidentPeriodProblems({ startsAt: at(-30 * 1440), endsAt: null }, now)).toEqual({});
    expect(incidentPeriodProblems({ startsAt: at(-30 * 1440 - 1), endsAt: at(-60) }, now)).toEqual({
      startsAt: ["incident.startTooOld"],
    });
  });
  it("refuses an end at or before the start, and an end in the future", () => {
    expect(incidentPeriodProblems({ startsAt: at(-60), endsAt: at(-60) }, now).endsAt).toEqual([
      "incident.endBeforeStart",
    ]);
    expect(incidentPeriodProblems({ startsAt: at(-60), endsAt: at(-61) }, now).endsAt).toEqual([
      "incident.endBeforeStart",
    ]);
    expect(incidentPeriodProblems({ startsAt: at(-60), endsAt: at(1) }, now).endsAt).toEqual(["incident.endInFuture"]);
  });
});

describe("incidentEndProblem", () => {
  it("accepts an end after the start up to now", () => {
    expect(incidentEndProblem(at(-60), now, now)).toBeNull();
    expect(incidentEndProblem(at(-60), at(-59), now)).toBeNull();
  });
  it("refuses an end at the start or in the future", () => {
    expect(incidentEndProblem(at(-60), at(-60), now)).toBe("incident.endBeforeStart");
    expect(incidentEndProblem(at(-60), at(5), now)).toBe("incident.endInFuture");
  });
});
