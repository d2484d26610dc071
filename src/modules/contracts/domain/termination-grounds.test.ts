import { describe, expect, it } from "vitest";
import { TERMINATION_GROUNDS, TERMINATION_GROUND_LABELS, bondToClaim, isVendorFault } from "./termination-grounds";

describe("termination grounds", () => {
  it("lists seven grounds, each with a label", () => {
    expect(TERMINATION_GROUNDS).toHaveLength(7);
    for (const ground of TERMINATION_GROUNDS) expect(TERMINATION_GROUND_LABELS[ground].length).toBeGreaterThan(5);
  });

  it("puts the vendor at fault for its own failures and proven wrongdoing, not for need or force majeure", () => {
    expect(TERMINATION_GROUNDS.filter(isVendorFault)).toEqual([
      "TIDAK_MAMPU_MENYELESAIKAN",
      "TIDAK_SELESAI_SETELAH_KESEMPATAN",
      "LALAI_CIDERA_JANJI",
      "KKN_KECURANGAN_PEMALSUAN",
      "PENGADUAN_TERBUKTI",
    ]);
    expect(isVendorFault("KEADAAN_KAHAR")).toBe(false);
    expect(isVendorFault("KEBUTUHAN_TIDAK_DAPAT_DITUNDA")).toBe(false);
  });

  it("claims the performance bond only on the vendor's fault, and only when there is one", () => {
    const bond = { basis: "CONTRACT_VALUE", amount: 72_500_000n };
    expect(bondToClaim("LALAI_CIDERA_JANJI", bond)).toBe(72_500_000n);
    expect(bondToClaim("TIDAK_MAMPU_MENYELESAIKAN", { basis: "HPS", amount: 1n })).toBe(1n);
    expect(bondToClaim("KEADAAN_KAHAR", bond)).toBeNull();
    expect(bondToClaim("KEBUTUHAN_TIDAK_DAPAT_DITUNDA", bond)).toBeNull();
    expect(bondToClaim("LALAI_CIDERA_JANJI", { basis: "NONE", amount: 0n })).toBeNull();
    expect(bondToClaim("LALAI_CIDERA_JANJI", { basis: "CONTRACT_VALUE", amount: 0n })).toBeNull();
  });
});
