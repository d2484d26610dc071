import { describe, expect, it } from "vitest";
import { evaluateAutomatically } from "./automatic-evaluation";
import { evaluationRuleAt } from "./evaluation-rules";

const base = {
  price: 400_000_000n,
  hps: 500_000_000n,
  category: "BARANG" as const,
  rule: evaluationRuleAt(new Date("2026-12-01T00:00:00Z")),
  requirements: { kbli: ["46100"], permits: ["SBU"] },
  unmet: [],
};
const stages = (r: ReturnType<typeof evaluateAutomatically>) => r.decisions.map((d) => [d.stage, d.passed]);

describe("evaluateAutomatically", () => {
  it("passes a qualified bid within HPS through every stage, pembuktian included", () => {
    const result = evaluateAutomatically(base);
    expect(stages(result)).toEqual([
      ["ADMINISTRASI", true],
      ["KUALIFIKASI", true],
      ["TEKNIS", true],
      ["HARGA", true],
      ["PEMBUKTIAN", true],
    ]);
    expect(result.decisions[1]!.reason).toContain("KBLI 46100, SBU");
    expect(result).toMatchObject({ correctedPrice: 400_000_000n, isLowPriceFlagged: false });
  });

  it("fails kualifikasi naming what the profile lacks, and judges nothing after it", () => {
    const result = evaluateAutomatically({ ...base, unmet: [{ kind: "PERMIT", name: "SBU" }] });
    expect(stages(result)).toEqual([
      ["ADMINISTRASI", true],
      ["KUALIFIKASI", false],
    ]);
    expect(result.decisions[1]!.reason).toContain("SBU");
    expect(result.correctedPrice).toBeNull();
  });

  it("takes a price of exactly HPS and fails one rupiah above it", () => {
    expect(stages(evaluateAutomatically({ ...base, price: base.hps })).at(-1)).toEqual(["PEMBUKTIAN", true]);
    const above = evaluateAutomatically({ ...base, price: base.hps + 1n });
    expect(stages(above).at(-1)).toEqual(["HARGA", false]);
  });

  it("flags a construction price below 80% of HPS, as the Pokja's evaluation would", () => {
    const works = { ...base, category: "PEKERJAAN_KONSTRUKSI" as const };
    expect(evaluateAutomatically({ ...works, price: 399_999_999n }).isLowPriceFlagged).toBe(true);
    expect(evaluateAutomatically({ ...works, price: 400_000_000n }).isLowPriceFlagged).toBe(false);
  });
});
