import { describe, expect, it } from "vitest";
import { isDireksi, signatoryRefusal } from "./signatory";

const direksi = [{ name: "Ir. Rudi Hartono" }, { name: "Sri Wahyuni, S.E." }];

describe("the vendor's signatory", () => {
  it("is a listed director, however the PPK typed the name's case, spacing and stops", () => {
    expect(isDireksi("Ir. Rudi Hartono", direksi)).toBe(true);
    expect(isDireksi("  IR RUDI   HARTONO ", direksi)).toBe(true);
    expect(isDireksi("sri wahyuni se", direksi)).toBe(true);
    expect(isDireksi("Ir.Rudi Hartono", direksi)).toBe(true);
  });

  it("is nobody else: another name, part of a name, or nothing", () => {
    expect(isDireksi("Rudi Hartono", direksi)).toBe(false);
    expect(isDireksi("Ir. Rudi", direksi)).toBe(false);
    expect(isDireksi("Budi Santoso", direksi)).toBe(false);
    expect(isDireksi("...", direksi)).toBe(false);
    expect(isDireksi("Ir. Rudi Hartono", [])).toBe(false);
  });

  describe("under a surat kuasa", () => {
    const signing = new Date("2026-12-10T03:00:00Z");
    const mandate = { number: "SK/07/XII/2026", date: new Date("2026-12-09T17:00:00Z"), grantor: "IR RUDI HARTONO" };

    it("needs nothing more from a director", () => {
      expect(signatoryRefusal("Ir. Rudi Hartono", null, direksi, signing)).toBeNull();
    });

    it("lets anyone else sign once a director gave the power, dated up to the signing", () => {
      expect(signatoryRefusal("Andi Manajer Proyek", mandate, direksi, signing)).toBeNull();
      expect(signatoryRefusal("Andi Manajer Proyek", { ...mandate, date: signing }, direksi, signing)).toBeNull();
    });

    it("refuses anyone else without one, with one from a non-director, or one dated after the signing", () => {
      expect(signatoryRefusal("Andi Manajer Proyek", null, direksi, signing)).toBe("vendorSignatoryNotDireksi");
      expect(
        signatoryRefusal("Andi Manajer Proyek", { ...mandate, grantor: "Andi Manajer Proyek" }, direksi, signing),
      ).toBe("mandateGrantorNotDireksi");
      expect(
        signatoryRefusal(
          "Andi Manajer Proyek",
          { ...mandate, date: new Date(signing.getTime() + 1) },
          direksi,
          signing,
        ),
      ).toBe("mandateAfterSigning");
    });
  });
});
