import { describe, expect, it } from "vitest";
import { correctBreakdown } from "./arithmetic-correction";
import { EVALUATION_RULES, evaluationRuleAt } from "./evaluation-rules";
import { isAboveHps, isLowPriceFlagged } from "./price-rules";

const rule = EVALUATION_RULES[0]!;
const HPS = 1_000_000_000n;

describe("isAboveHps: HPS is the highest valid bid", () => {
  it.each([
    ["one rupiah below HPS", HPS - 1n, false],
    ["exactly HPS", HPS, false],
    ["HPS + 1", HPS + 1n, true],
    ["far above, beyond 2^53", 2n ** 60n, true],
  ] as const)("%s", (_name, price, above) => expect(isAboveHps(price, HPS)).toBe(above));
});

describe("isLowPriceFlagged: construction below 80% of HPS", () => {
  it.each([
    ["exactly 80%", "PEKERJAAN_KONSTRUKSI", 800_000_000n, HPS, false],
    ["one rupiah below 80%", "PEKERJAAN_KONSTRUKSI", 799_999_999n, HPS, true],
    ["80% of an HPS not divisible by 100: 80% of 999 is 799,2", "PEKERJAAN_KONSTRUKSI", 799n, 999n, true],
    ["just above the fractional threshold", "PEKERJAAN_KONSTRUKSI", 800n, 999n, false],
    ["goods far below 80% are not flagged", "BARANG", 100n, HPS, false],
    ["other services are not flagged", "JASA_LAINNYA", 100n, HPS, false],
  ] as const)("%s", (_name, category, price, hps, flagged) =>
    expect(isLowPriceFlagged(category, price, hps, rule)).toBe(flagged),
  );
});

describe("evaluationRuleAt", () => {
  const later = { ...rule, effectiveFrom: new Date("2030-01-01T00:00:00Z"), lowPriceThresholdPercent: 75 };
  it.each([
    ["the day before a change", "2029-12-31T23:59:59Z", 80],
    ["the day a change takes effect", "2030-01-01T00:00:00Z", 75],
    ["before the first row", "2019-01-01T00:00:00Z", 80],
  ] as const)("%s", (_n, at, percent) =>
    expect(evaluationRuleAt(new Date(at), [rule, later]).lowPriceThresholdPercent).toBe(percent),
  );
});

describe("correctBreakdown: the unit price governs", () => {
  it("recomputes each line and names the ones that differed", () => {
    const result = correctBreakdown([
      { quantity: 10n, unitPrice: 1_500_000n, statedTotal: 15_000_000n },
      { quantity: 3n, unitPrice: 2_000_000n, statedTotal: 5_000_000n },
      { quantity: 7n, unitPrice: 100n, statedTotal: 800n },
    ]);
    expect(result).toEqual({
      correctedTotal: 21_000_700n,
      statedTotal: 20_000_800n,
      differing: [
        { index: 1, statedTotal: 5_000_000n, correctedTotal: 6_000_000n },
        { index: 2, statedTotal: 800n, correctedTotal: 700n },
      ],
    });
  });

  it("leaves a correct breakdown as it is", () => {
    expect(correctBreakdown([{ quantity: 2n, unitPrice: 5n, statedTotal: 10n }])).toEqual({
      correctedTotal: 10n,
      statedTotal: 10n,
      differing: [],
    });
  });

  it("is exact for totals beyond 2^53", () => {
    expect(correctBreakdown([{ quantity: 3n, unitPrice: 2n ** 53n + 1n, statedTotal: 0n }]).correctedTotal).toBe(
      3n * (2n ** 53n + 1n),
    );
  });

  it("corrects to a total above HPS, which then fails the price stage", () => {
    const { correctedTotal } = correctBreakdown([
      { quantity: 2n, unitPrice: 500_000_001n, statedTotal: 1_000_000_000n },
    ]);
    expect(isAboveHps(correctedTotal, HPS)).toBe(true);
  });
});
