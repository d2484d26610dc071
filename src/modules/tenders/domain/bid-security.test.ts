import { describe, expect, it } from "vitest";
import { bidSecurityRequirement, checkBidSecurity } from "./bid-security";

const MILIAR = 1_000_000_000n;

describe("bidSecurityRequirement", () => {
  it.each([
    ["construction, exactly Rp10 miliar", "PEKERJAAN_KONSTRUKSI", 10n * MILIAR, false],
    ["construction, Rp10 miliar + 1", "PEKERJAAN_KONSTRUKSI", 10n * MILIAR + 1n, true],
    ["goods above Rp10 miliar", "BARANG", 50n * MILIAR, false],
    ["consultancy above Rp10 miliar", "JASA_KONSULTANSI", 50n * MILIAR, false],
    ["construction without HPS", "PEKERJAAN_KONSTRUKSI", null, false],
  ] as const)("%s", (_name, category, hps, required) => {
    expect(bidSecurityRequirement(category, hps).required).toBe(required);
  });

  it("rounds 1% up and 3% down to whole rupiah", () => {
    // 1% of 10.000.000.001 is 100.000.000,01 -> 100.000.001; 3% is 300.000.000,03 -> 300.000.000
    expect(bidSecurityRequirement("PEKERJAAN_KONSTRUKSI", 10n * MILIAR + 1n)).toEqual({
      required: true,
      min: 100_000_001n,
      max: 300_000_000n,
    });
  });

  it("is exact for an HPS that is a multiple of 100", () => {
    expect(bidSecurityRequirement("PEKERJAAN_KONSTRUKSI", 17_925_400_000n)).toEqual({
      required: true,
      min: 179_254_000n,
      max: 537_762_000n,
    });
  });
});

describe("checkBidSecurity", () => {
  const hps = 20n * MILIAR; // 1% = 200.000.000, 3% = 600.000.000
  it.each([
    ["missing", null, "bidSecurityMissing"],
    ["one rupiah below 1%", 199_999_999n, "bidSecurityOutOfRange"],
    ["exactly 1%", 200_000_000n, null],
    ["exactly 3%", 600_000_000n, null],
    ["one rupiah above 3%", 600_000_001n, "bidSecurityOutOfRange"],
  ] as const)("%s", (_name, amount, problem) => {
    expect(checkBidSecurity("PEKERJAAN_KONSTRUKSI", hps, amount)).toBe(problem);
  });

  it("refuses an amount where none is required, and accepts none", () => {
    expect(checkBidSecurity("PEKERJAAN_KONSTRUKSI", 10n * MILIAR, 100_000_000n)).toBe("bidSecurityNotApplicable");
    expect(checkBidSecurity("BARANG", hps, null)).toBeNull();
  });
});
