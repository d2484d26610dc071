import { describe, expect, it } from "vitest";
import { pokjaMajority } from "@/modules/organisation/domain/pokja-composition";
import { proposalStanding } from "./winner-approval";

const approve = { decision: "APPROVE" } as const;
const disagree = { decision: "DISAGREE" } as const;

describe("pokjaMajority, the approvals a proposal needs", () => {
  it.each([
    [1, 1],
    [3, 2],
    [4, 3],
    [5, 3],
    [7, 4],
  ])("a Pokja of %i needs %i approvals: more than half", (members, needed) => {
    expect(pokjaMajority(members)).toBe(needed);
    // exactly half is not a majority
    expect(needed * 2).toBeGreaterThan(members);
    expect((needed - 1) * 2).toBeLessThanOrEqual(members);
  });
});

describe("proposalStanding", () => {
  it("a Pokja of 3: the proposal alone is open, one more approval adopts it", () => {
    expect(proposalStanding(3, [approve])).toEqual({ kind: "OPEN", approvals: 1, needed: 2 });
    expect(proposalStanding(3, [approve, approve])).toEqual({ kind: "ADOPTED" });
  });

  it("one disagreement leaves room; two make a majority impossible", () => {
    expect(proposalStanding(3, [approve, disagree])).toEqual({ kind: "OPEN", approvals: 1, needed: 2 });
    expect(proposalStanding(3, [approve, disagree, disagree])).toEqual({
      kind: "CANNOT_PASS",
      approvals: 1,
      needed: 2,
    });
    expect(proposalStanding(5, [approve, disagree, disagree])).toEqual({ kind: "OPEN", approvals: 1, needed: 3 });
    expect(proposalStanding(5, [approve, disagree, disagree, disagree])).toEqual({
      kind: "CANNOT_PASS",
      approvals: 1,
      needed: 3,
    });
  });
});
