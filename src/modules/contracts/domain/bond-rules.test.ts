import { describe, expect, it } from "vitest";
import { bondRuleOn, performanceBond, type BondRule } from "./bond-rules";

const base = {
  category: "PEKERJAAN_KONSTRUKSI" as const,
  value: 900_000_000n,
  correctedPrice: 900_000_000n,
  hps: 1_000_000_000n,
  judgedOn: new Date("2026-01-01T00:00:00Z"),
  assetsHeldByUser: false,
};

describe("performanceBond (Perpres 16/2018 Pasal 33)", () => {
  it("is 5% of the contract value when the price is 80% to 100% of HPS", () => {
    expect(performanceBond(base)).toMatchObject({ basis: "CONTRACT_VALUE", percentBp: 500, amount: 45_000_000n });
  });

  it("takes the contract value at exactly 80% of HPS and HPS one rupiah below", () => {
    const at = { ...base, value: 800_000_000n, correctedPrice: 800_000_000n };
    expect(performanceBond(at)).toMatchObject({ basis: "CONTRACT_VALUE", amount: 40_000_000n });
    const below = { ...at, value: 799_999_999n, correctedPrice: 799_999_999n };
    expect(performanceBond(below)).toMatchObject({ basis: "HPS", amount: 50_000_000n });
  });

  it("is required only above Rp200.000.000: at the limit none, one rupiah above 5%", () => {
    const at = { ...base, value: 200_000_000n, correctedPrice: 200_000_000n, hps: 210_000_000n };
    expect(performanceBond(at)).toMatchObject({ basis: "NONE", percentBp: 0, amount: 0n });
    const above = { ...at, value: 200_000_001n, correctedPrice: 200_000_001n };
    // 5% of 200.000.001 is 10.000.000,05: rounded up to the rupiah
    expect(performanceBond(above)).toMatchObject({ basis: "CONTRACT_VALUE", amount: 10_000_001n });
  });

  it("is never asked of consultancy, nor of Jasa Lainnya whose assets the user holds", () => {
    expect(performanceBond({ ...base, category: "JASA_KONSULTANSI" }).basis).toBe("NONE");
    expect(performanceBond({ ...base, category: "JASA_LAINNYA", assetsHeldByUser: true }).basis).toBe("NONE");
    // the exemption is Jasa Lainnya's only
    expect(performanceBond({ ...base, category: "BARANG", assetsHeldByUser: true }).basis).toBe("CONTRACT_VALUE");
  });

  it("names its basis", () => {
    expect(performanceBond(base).legalBasis).toMatch(/Pasal 33 ayat \(3\) huruf a/);
    expect(performanceBond({ ...base, category: "JASA_KONSULTANSI" }).legalBasis).toMatch(/ayat \(1\)/);
  });

  it("judges by the row in force on the paket's day: a new row changes later pakets only", () => {
    const rules: BondRule[] = [
      {
        effectiveFrom: new Date("2018-03-22T00:00:00+07:00"),
        categories: ["PEKERJAAN_KONSTRUKSI"],
        minValueExclusive: 200_000_000n,
        percentBp: 500,
        lowPriceBp: 8000,
        legalBasis: "lama",
      },
      {
        effectiveFrom: new Date("2027-01-01T00:00:00+07:00"),
        categories: ["PEKERJAAN_KONSTRUKSI"],
        minValueExclusive: 200_000_000n,
        percentBp: 1000,
        lowPriceBp: 8000,
        legalBasis: "baru",
      },
    ];
    const dayBefore = new Date("2026-12-31T23:59:59.999+07:00");
    expect(performanceBond({ ...base, judgedOn: dayBefore }, rules).percentBp).toBe(500);
    expect(performanceBond({ ...base, judgedOn: new Date("2027-01-01T00:00:00+07:00") }, rules).percentBp).toBe(1000);
    expect(bondRuleOn(new Date("2018-03-21T00:00:00+07:00"), rules)).toBeNull();
  });
});
