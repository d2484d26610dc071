import { describe, expect, it } from "vitest";
import { changedFields } from "./paket-changes";

describe("changedFields", () => {
  it("lists only what changed, amounts as strings", () => {
    const before = { name: "Jalan A", pagu: 9_007_199_254_740_993n, hps: null as bigint | null, fiscalYear: 2026 };
    const after = { name: "Jalan A", pagu: 9_007_199_254_740_995n, hps: 1n, fiscalYear: 2026 };
    expect(changedFields(before, after)).toEqual({
      pagu: { from: "9007199254740993", to: "9007199254740995" },
      hps: { from: null, to: "1" },
    });
  });

  it("is empty when nothing changed", () => {
    expect(changedFields({ pagu: 5n }, { pagu: 5n })).toEqual({});
  });
});
