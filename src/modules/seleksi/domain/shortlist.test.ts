import { describe, expect, it } from "vitest";
import {
  announcesShortlist,
  prequalificationOutcome,
  rankShortlist,
  repeatsLeft,
  type ShortlistRules,
} from "./shortlist";

// the procedure's defaults (Perlem LKPP 12/2021 Lampiran II): 3..7, one repeat, then 2 may go on
const RULES: ShortlistRules = {
  shortlistMin: 3,
  shortlistMax: 7,
  shortlistMinAfterRepeat: 2,
  prequalificationRepeats: 1,
};

describe("the prakualifikasi outcome", () => {
  it.each([
    [0, "repeat"],
    [1, "repeat"],
    [2, "repeat"],
    [3, "shortlist"],
    [7, "shortlist"],
    [8, "shortlist"],
  ])("round 1 with %i passing: %s", (passing, kind) => {
    expect(prequalificationOutcome(passing, 1, RULES).kind).toBe(kind);
  });

  it.each([
    [0, "failed"],
    [1, "failedOneLeft"],
    [2, "continueReduced"],
    [3, "shortlist"],
    [7, "shortlist"],
    [8, "shortlist"],
  ])("round 2 (the repeat used) with %i passing: %s", (passing, kind) => {
    expect(prequalificationOutcome(passing, 2, RULES).kind).toBe(kind);
  });

  it("reads the figures from the procedure: no repeat configured decides in round 1", () => {
    const none = { ...RULES, prequalificationRepeats: 0 };
    expect(prequalificationOutcome(2, 1, none).kind).toBe("continueReduced");
    expect(prequalificationOutcome(1, 1, none).kind).toBe("failedOneLeft");
  });

  it("two repeats: round 2 still repeats, round 3 decides", () => {
    const two = { ...RULES, prequalificationRepeats: 2 };
    expect(repeatsLeft(2, two)).toBe(1);
    expect(prequalificationOutcome(2, 2, two).kind).toBe("repeat");
    expect(prequalificationOutcome(2, 3, two).kind).toBe("continueReduced");
  });

  it("a stricter rule after the repeat fails two firms without penunjukan langsung", () => {
    const strict = { ...RULES, shortlistMinAfterRepeat: 3 };
    expect(prequalificationOutcome(2, 2, strict).kind).toBe("failed");
    expect(prequalificationOutcome(1, 2, strict).kind).toBe("failedOneLeft");
  });

  it("only a shortlist or the reduced continuation announce a shortlist", () => {
    expect(announcesShortlist({ kind: "shortlist" })).toBe(true);
    expect(announcesShortlist({ kind: "continueReduced" })).toBe(true);
    expect(announcesShortlist({ kind: "repeat" })).toBe(false);
    expect(announcesShortlist({ kind: "failedOneLeft" })).toBe(false);
    expect(announcesShortlist({ kind: "failed" })).toBe(false);
  });
});

describe("the shortlist", () => {
  const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
  const app = (id: string, passed: boolean | null, score: number | null, minute = 0) => ({
    id,
    passed,
    score,
    submittedAt: at(minute),
  });

  it("ranks only the passing firms by score, best first", () => {
    const list = rankShortlist([app("a", true, 70), app("b", false, 99), app("c", true, 90), app("d", null, 95)], 7);
    expect(list).toEqual(["c", "a"]);
  });

  it("keeps at most shortlistMax: 8 passing firms give 7", () => {
    const apps = Array.from({ length: 8 }, (_, i) => app(`v${i}`, true, 60 + i));
    const list = rankShortlist(apps, 7);
    expect(list).toHaveLength(7);
    expect(list).not.toContain("v0");
    expect(list[0]).toBe("v7");
  });

  it("breaks an equal score by the earlier application, then the id", () => {
    expect(rankShortlist([app("b", true, 80, 5), app("a", true, 80, 9), app("c", true, 80, 5)], 7)).toEqual([
      "b",
      "c",
      "a",
    ]);
  });

  it("an empty round gives an empty shortlist", () => {
    expect(rankShortlist([], 7)).toEqual([]);
    expect(rankShortlist([app("a", true, 80)], 0)).toEqual([]);
  });
});
