import { describe, expect, it } from "vitest";
import { isDireksi } from "./signatory";

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
});
