import { describe, expect, it } from "vitest";
import { formatScore, parseScore, priceScoreUnits, unitsToDecimalString, weightedTotalUnits } from "./scoring";

describe("priceScoreUnits: lowest / this × 100, 3 decimals, half up", () => {
  it.each([
    ["the lowest bid scores 100", 900n, 900n, 100_000],
    ["2/3 → 66,667 (half up)", 2n, 3n, 66_667],
    ["1/3 → 33,333", 1n, 3n, 33_333],
    ["exactly half way rounds up: 1/1600 × 100 = 0,0625 → 0,063", 1n, 1600n, 63],
    ["huge prices stay exact", 10n ** 15n, 2n * 10n ** 15n, 50_000],
  ] as const)("%s", (_n, lowest, price, units) => expect(priceScoreUnits(lowest, price)).toBe(units));

  it("refuses a zero price", () => expect(() => priceScoreUnits(1n, 0n)).toThrow(RangeError));
});

describe("weightedTotalUnits", () => {
  it.each([
    ["70/30", 80_000, 100_000, 70, 30, 86_000],
    ["half-way thousandth rounds up: 0,0005", 1, 0, 50, 50, 1],
    ["60/40 of 66,667 and 90", 90_000, 66_667, 60, 40, 80_667],
  ] as const)("%s", (_n, t, p, wt, wp, total) => expect(weightedTotalUnits(t, p, wt, wp)).toBe(total));

  it("refuses weights that do not sum to 100", () =>
    expect(() => weightedTotalUnits(1, 1, 60, 30)).toThrow(RangeError));
});

describe("parseScore and formatting", () => {
  it.each([
    ["87", 87_000],
    ["87,5", 87_500],
    ["87.125", 87_125],
    ["0", 0],
    ["100", 100_000],
    ["100,001", null],
    ["101", null],
    ["-1", null],
    ["87,1234", null],
    ["abc", null],
  ] as const)("%s", (text, units) => expect(parseScore(text)).toBe(units));

  it("writes Decimal(7,3) text and Indonesian decimals", () => {
    expect(unitsToDecimalString(87_500)).toBe("87.500");
    expect(unitsToDecimalString(63)).toBe("0.063");
    expect(formatScore(87_500)).toBe("87,500");
    expect(formatScore(87_500, "en")).toBe("87.500");
  });
});
