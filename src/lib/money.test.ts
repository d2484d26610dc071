import { describe, expect, it } from "vitest";
import { formatRupiah, parseRupiah } from "./money";

describe("formatRupiah", () => {
  it.each([
    [0n, "Rp0"],
    [1n, "Rp1"],
    [999n, "Rp999"],
    [1_000n, "Rp1.000"],
    [15_000n, "Rp15.000"],
    [199_999_999n, "Rp199.999.999"],
    [200_000_000n, "Rp200.000.000"],
    [200_000_001n, "Rp200.000.001"],
    [15_000_000_000n, "Rp15.000.000.000"],
    // 2^53 + 1: a number would print ...992
    [9_007_199_254_740_993n, "Rp9.007.199.254.740.993"],
    [123_456_789_012_345_678_901n, "Rp123.456.789.012.345.678.901"],
    [-5_000n, "-Rp5.000"],
  ])("%s → %s", (value, expected) => {
    expect(formatRupiah(value)).toBe(expected);
  });
});

describe("parseRupiah", () => {
  it.each([
    ["200.000.000", 200_000_000n],
    ["Rp 200.000.000", 200_000_000n],
    ["Rp200.000.000", 200_000_000n],
    ["rp. 200.000.000", 200_000_000n],
    ["200000000", 200_000_000n],
    ["  200.000.000  ", 200_000_000n],
    ["Rp\u00a0200.000.000", 200_000_000n],
    ["Rp200.000.000,00", 200_000_000n],
    ["Rp200.000,-", 200_000n],
    ["0", 0n],
    ["999", 999n],
    ["1.000", 1_000n],
    ["9.007.199.254.740.993", 9_007_199_254_740_993n],
  ])("%j → %s", (input, expected) => {
    expect(parseRupiah(input)).toBe(expected);
  });

  it.each([
    "",
    "Rp",
    "abc",
    "-5.000",
    "200.00.000",
    "2000.000",
    ".200.000",
    "200.000.",
    "200,000,000",
    "1,5",
    "200.000,50",
    "1e6",
    "12 000",
  ])("rejects %j", (input) => {
    expect(parseRupiah(input)).toBeNull();
  });

  it("round-trips with formatRupiah", () => {
    for (const value of [0n, 1n, 1_000n, 200_000_000n, 9_007_199_254_740_993n]) {
      expect(parseRupiah(formatRupiah(value))).toBe(value);
    }
  });
});
