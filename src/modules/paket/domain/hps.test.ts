import { describe, expect, it } from "vitest";
import { RUPIAH_CEILING } from "@/lib/rupiah-schema";
import { checkPaketAmounts, hpsTotal, isHpsWithinPagu, type HpsLine } from "./hps";

const line = (quantity: number, unitPrice: bigint): HpsLine => ({
  description: "Semen 50 kg",
  unit: "sak",
  quantity,
  unitPrice,
});

describe("hpsTotal", () => {
  it("sums quantity × unit price", () => {
    expect(hpsTotal([line(10, 75_000n), line(3, 1_250_000n)])).toBe(4_500_000n);
    expect(hpsTotal([])).toBe(0n);
  });

  it("stays exact beyond 2^53, where a number would lose rupiah", () => {
    const price = 9_007_199_254_740_993n; // 2^53 + 1
    expect(hpsTotal([line(1, price), line(1, 1n)])).toBe(9_007_199_254_740_994n);
    expect(hpsTotal([line(2_000_000_000, 4_000_000_000n)])).toBe(8_000_000_000_000_000_000n);
  });
});

describe("HPS against pagu", () => {
  it.each([
    [500_000_000n, 500_000_000n, true],
    [500_000_001n, 500_000_000n, false],
    [499_999_999n, 500_000_000n, true],
  ])("HPS %s, pagu %s → within: %s", (hps, pagu, within) => {
    expect(isHpsWithinPagu(hps, pagu)).toBe(within);
  });

  it("accepts HPS equal to pagu and refuses one rupiah more, with an Indonesian message on hps", () => {
    expect(checkPaketAmounts({ pagu: 500_000_000n, items: [line(1, 500_000_000n)] })).toEqual({});
    const errors = checkPaketAmounts({ pagu: 500_000_000n, items: [line(1, 500_000_001n)] });
    expect(errors).toEqual({ hps: ["HPS Rp500.000.001 melebihi pagu Rp500.000.000. HPS tidak boleh melebihi pagu."] });
  });
});

describe("checkPaketAmounts", () => {
  it("names each broken field", () => {
    const errors = checkPaketAmounts({ pagu: 0n, items: [line(0, -1n), { ...line(1, 1n), description: " " }] });
    expect(Object.keys(errors).sort()).toEqual([
      "items.0.quantity",
      "items.0.unitPrice",
      "items.1.description",
      "pagu",
    ]);
  });

  it("wants at least one line and a whole volume", () => {
    expect(checkPaketAmounts({ pagu: 1n, items: [] })).toHaveProperty("items");
    expect(checkPaketAmounts({ pagu: 10n, items: [line(1.5, 1n)] })).toHaveProperty(["items.0.quantity"]);
  });

  it("keeps pagu, every line total and the HPS within the rupiah ceiling, computed in bigint", () => {
    expect(checkPaketAmounts({ pagu: RUPIAH_CEILING, items: [line(1, RUPIAH_CEILING)] })).toEqual({});
    expect(checkPaketAmounts({ pagu: RUPIAH_CEILING + 1n, items: [line(1, 1n)] })).toEqual({
      pagu: ["Pagu paling besar Rp9.999.999.999.999.999."],
    });
    // 3 x 3.333.333.333.333.334 is one rupiah above: each factor alone is far below.
    expect(checkPaketAmounts({ pagu: RUPIAH_CEILING, items: [line(3, 3_333_333_333_333_333n)] })).toEqual({});
    expect(checkPaketAmounts({ pagu: RUPIAH_CEILING, items: [line(3, 3_333_333_333_333_334n)] })).toHaveProperty([
      "items.0.unitPrice",
    ]);
    // two lines each within, their sum one rupiah above
    expect(checkPaketAmounts({ pagu: RUPIAH_CEILING, items: [line(1, RUPIAH_CEILING), line(1, 1n)] })).toEqual({
      items: ["Jumlah HPS Rp10.000.000.000.000.000 melebihi batas Rp9.999.999.999.999.999."],
    });
  });

  it("accepts a unit price of Rp0 (a free line, e.g. a warranty) beside priced lines, but not an HPS of Rp0", () => {
    expect(checkPaketAmounts({ pagu: 1n, items: [line(1, 0n), line(1, 1n)] })).toEqual({});
    expect(checkPaketAmounts({ pagu: 1n, items: [line(1, 0n)] })).toEqual({
      items: ["Jumlah HPS harus lebih dari Rp0."],
    });
  });
});
