import { describe, expect, it } from "vitest";
import { answerRoundStart, isInAnswerRound } from "./answer-round";

const first = new Date("2026-06-01T02:00:00Z");
const second = new Date("2026-06-20T02:00:00Z");

describe("answerRoundStart", () => {
  it("is the announcement in force while AWARDED", () => {
    expect(answerRoundStart({ status: "AWARDED", announcedAt: second }, { announcedAt: first })).toEqual(second);
  });
  it("is the withdrawn announcement while re-evaluating, until a winner is announced again", () => {
    expect(answerRoundStart({ status: "EVALUATION", announcedAt: null }, { announcedAt: first })).toEqual(first);
    expect(answerRoundStart({ status: "EVALUATION", announcedAt: null }, null)).toBeNull();
  });
  it("is none once the tender ended", () => {
    for (const status of ["COMPLETED", "FAILED", "CANCELLED"])
      expect(answerRoundStart({ status, announcedAt: first }, { announcedAt: first })).toBeNull();
  });
});

describe("isInAnswerRound", () => {
  it("takes objections filed from the round's start on, to the millisecond", () => {
    expect(isInAnswerRound(second, second)).toBe(true);
    expect(isInAnswerRound(new Date(second.getTime() - 1), second)).toBe(false);
    expect(isInAnswerRound(second, null)).toBe(false);
  });
});
