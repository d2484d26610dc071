import { describe, expect, it } from "vitest";
import { findPokjaProblem } from "./pokja-composition";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `u${i + 1}`);

describe("findPokjaProblem", () => {
  it.each([
    [1, "pokjaSize"],
    [2, "pokjaSize"],
    [3, null],
    [4, "pokjaSize"],
    [5, null],
    [6, "pokjaSize"],
    [7, null],
  ] as const)("%i members -> %s", (size, expected) => {
    expect(findPokjaProblem({ memberIds: ids(size), leaderId: "u1" })).toBe(expected);
  });

  it("refuses no members at all", () => {
    expect(findPokjaProblem({ memberIds: [], leaderId: "u1" })).toBe("pokjaSize");
  });

  it("refuses the same person twice, even when the count looks right", () => {
    expect(findPokjaProblem({ memberIds: ["u1", "u1", "u2"], leaderId: "u1" })).toBe("pokjaDuplicateMember");
  });

  it("needs the leader to be one of the members", () => {
    expect(findPokjaProblem({ memberIds: ids(3), leaderId: "u9" })).toBe("pokjaLeader");
  });
});
