import { describe, expect, it } from "vitest";
import { DEFAULT_PROCEDURES } from "./procedure";
import { methodChangeRefusal, selectableMethods } from "./tender-cepat";

const procedures = DEFAULT_PROCEDURES;

describe("selectableMethods", () => {
  it.each(["BARANG", "PEKERJAAN_KONSTRUKSI", "JASA_LAINNYA"] as const)("offers tender and tender cepat for a %s tender", (category) => {
    expect(selectableMethods("TENDER", category, procedures)).toEqual(["TENDER", "TENDER_CEPAT"]);
  });

  it("offers nothing for consultancy (seleksi), pengadaan langsung or a paket without a method", () => {
    expect(selectableMethods("SELEKSI", "JASA_KONSULTANSI", procedures)).toEqual([]);
    expect(selectableMethods("TENDER", "JASA_KONSULTANSI", procedures)).toEqual([]);
    expect(selectableMethods("PENGADAAN_LANGSUNG", "BARANG", procedures)).toEqual([]);
    expect(selectableMethods(null, "BARANG", procedures)).toEqual([]);
  });

  it("offers nothing when no tender cepat procedure serves the category (an administrator removed it)", () => {
    const withoutCepatForGoods = procedures.map((p) => (p.method === "TENDER_CEPAT" ? { ...p, categories: ["JASA_LAINNYA"] } : p));
    expect(selectableMethods("TENDER", "BARANG", withoutCepatForGoods)).toEqual([]);
    expect(selectableMethods("TENDER", "JASA_LAINNYA", withoutCepatForGoods)).toEqual(["TENDER", "TENDER_CEPAT"]);
  });
});

describe("methodChangeRefusal", () => {
  const draft = { status: "DRAFT", paketMethod: "TENDER", category: "BARANG" as const };

  it("lets a draft tender switch to tender cepat and back", () => {
    expect(methodChangeRefusal(draft, "TENDER_CEPAT", procedures)).toBeNull();
    expect(methodChangeRefusal(draft, "TENDER", procedures)).toBeNull();
  });

  it.each(["PUBLISHED", "EVALUATION", "AWARDED", "FAILED", "CANCELLED"])("refuses once the tender is %s", (status) => {
    expect(methodChangeRefusal({ ...draft, status }, "TENDER_CEPAT", procedures)).toBe("tenderSetupLocked");
  });

  it("refuses a method outside the choice: seleksi, penunjukan langsung, or cepat for consultancy", () => {
    expect(methodChangeRefusal(draft, "SELEKSI", procedures)).toBe("tenderMethodNotAllowed");
    expect(methodChangeRefusal(draft, "PENUNJUKAN_LANGSUNG", procedures)).toBe("tenderMethodNotAllowed");
    expect(methodChangeRefusal({ ...draft, paketMethod: "SELEKSI", category: "JASA_KONSULTANSI" }, "TENDER_CEPAT", procedures)).toBe("tenderMethodNotAllowed");
  });
});
