import { describe, expect, it } from "vitest";
import { findNonTenderProblem } from "./non-tender-rules";

const valid = {
  reason: "Server LPSE mati tiga hari karena banjir.",
  value: 1n,
  realizedOn: "2026-03-10",
  today: "2026-03-10",
};

describe("findNonTenderProblem", () => {
  it("accepts a record realised today", () => {
    expect(findNonTenderProblem(valid)).toBeNull();
  });

  it("needs a reason of at least 20 characters, not counting surrounding spaces", () => {
    expect(findNonTenderProblem({ ...valid, reason: "x".repeat(20) })).toBeNull();
    expect(findNonTenderProblem({ ...valid, reason: "x".repeat(19) })).toBe("reasonTooShort");
    expect(findNonTenderProblem({ ...valid, reason: `  ${"x".repeat(19)}   ` })).toBe("reasonTooShort");
  });

  it("needs a value above zero", () => {
    expect(findNonTenderProblem({ ...valid, value: 0n })).toBe("amountPositive");
  });

  it("refuses tomorrow, also across a month and a year", () => {
    expect(findNonTenderProblem({ ...valid, realizedOn: "2026-03-11" })).toBe("realizedInFuture");
    expect(findNonTenderProblem({ ...valid, realizedOn: "2026-01-01", today: "2025-12-31" })).toBe("realizedInFuture");
    expect(findNonTenderProblem({ ...valid, realizedOn: "2025-12-31", today: "2026-01-01" })).toBeNull();
  });
});
