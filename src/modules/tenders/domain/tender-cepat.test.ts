import { describe, expect, it } from "vitest";
import { DEFAULT_PROCEDURES } from "./procedure";
import { methodChangeRefusal, selectableMethods } from "./tender-cepat";

const procedures = DEFAULT_PROCEDURES;

describe("selectableMethods", () => {
  it.each(["BARANG", "PEKERJAAN_KONSTRUKSI", "JASA_LAINNYA"] as const)(
    "offers tender and tender cepat for a %s tender",
    (category) => {
      expect(selectableMethods("TENDER", category, procedures, "TENDER")).toEqual(["TENDER", "TENDER_CEPAT"]);
    },
  );

  it("offers nothing for consultancy (seleksi), pengadaan langsung or a paket without a method", () => {
    expect(selectableMethods("SELEKSI", "JASA_KONSULTANSI", procedures, "TENDER")).toEqual([]);
    expect(selectableMethods("TENDER", "JASA_KONSULTANSI", procedures, "TENDER")).toEqual([]);
    expect(selectableMethods("PENGADAAN_LANGSUNG", "BARANG", procedures, "TENDER")).toEqual([]);
    expect(selectableMethods(null, "BARANG", procedures, "TENDER")).toEqual([]);
  });

  it("offers nothing for a penunjukan langsung of a tender paket: it stays one", () => {
    expect(selectableMethods("TENDER", "BARANG", procedures, "PENUNJUKAN_LANGSUNG")).toEqual([]);
    expect(
      methodChangeRefusal(
        { status: "DRAFT", method: "PENUNJUKAN_LANGSUNG", paketMethod: "TENDER", category: "BARANG" },
        "TENDER",
        procedures,
      ),
    ).toBe("tenderMethodNotAllowed");
  });

  it("offers nothing when no tender cepat procedure serves the category (an administrator removed it)", () => {
    const withoutCepatForGoods = procedures.map((p) =>
      p.method === "TENDER_CEPAT" ? { ...p, categories: ["JASA_LAINNYA"] } : p,
    );
    expect(selectableMethods("TENDER", "BARANG", withoutCepatForGoods, "TENDER")).toEqual([]);
    expect(selectableMethods("TENDER", "JASA_LAINNYA", withoutCepatForGoods, "TENDER")).toEqual([
      "TENDER",
      "TENDER_CEPAT",
    ]);
  });
});

describe("methodChangeRefusal", () => {
  const draft = { status: "DRAFT", method: "TENDER", paketMethod: "TENDER", category: "BARANG" as const };

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
    expect(
      methodChangeRefusal(
        { ...draft, paketMethod: "SELEKSI", category: "JASA_KONSULTANSI" },
        "TENDER_CEPAT",
        procedures,
      ),
    ).toBe("tenderMethodNotAllowed");
  });
});
