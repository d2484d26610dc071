import { describe, expect, it } from "vitest";
import { fold, matchesSearch, type SearchFilters, type TenderForMatch } from "./match";

const tender: TenderForMatch = {
  requiredKbli: ["41011", "42101"],
  location: "Kota Bandung, Jawa Barat",
  category: "PEKERJAAN_KONSTRUKSI",
  hps: 500_000_000n,
  name: "Pembangunan Gedung Puskesmas Cibeunying",
};
const any: SearchFilters = { kbli: [], region: null, categories: [], minValue: null, maxValue: null, keyword: null };
const match = (filters: Partial<SearchFilters>, t: Partial<TenderForMatch> = {}) =>
  matchesSearch({ ...tender, ...t }, { ...any, ...filters });

describe("matchesSearch", () => {
  it("an empty search matches every tender, even one without HPS", () => {
    expect(match({})).toBe(true);
    expect(match({}, { hps: null, requiredKbli: [] })).toBe(true);
  });

  it("KBLI: any shared code matches, none shared does not, a tender requiring none matches", () => {
    expect(match({ kbli: ["42101"] })).toBe(true);
    expect(match({ kbli: ["46900", "41011"] })).toBe(true);
    expect(match({ kbli: ["46900"] })).toBe(false);
    expect(match({ kbli: ["46900"] }, { requiredKbli: [] })).toBe(true);
  });

  it("value range: both edges are inside, one rupiah past either is outside", () => {
    expect(match({ minValue: 500_000_000n, maxValue: 500_000_000n })).toBe(true);
    expect(match({ minValue: 500_000_001n })).toBe(false);
    expect(match({ maxValue: 499_999_999n })).toBe(false);
    expect(match({ minValue: 0n })).toBe(true);
  });

  it("a value range never matches a tender with no HPS", () => {
    expect(match({ minValue: 0n }, { hps: null })).toBe(false);
    expect(match({ maxValue: 1n }, { hps: null })).toBe(false);
  });

  it("region is a part of the location, case and accents ignored", () => {
    expect(match({ region: "bandung" })).toBe(true);
    expect(match({ region: "  JAWA   barat " })).toBe(true);
    expect(match({ region: "Bándúng" })).toBe(true);
    expect(match({ region: "bandung" }, { location: "KOTA BÁNDUNG" })).toBe(true);
    expect(match({ region: "Surabaya" })).toBe(false);
  });

  it("categories: one of those chosen", () => {
    expect(match({ categories: ["BARANG", "PEKERJAAN_KONSTRUKSI"] })).toBe(true);
    expect(match({ categories: ["BARANG"] })).toBe(false);
  });

  it("keyword: every word in the name, any order, partial words, case and accents ignored", () => {
    expect(match({ keyword: "puskesmas gedung" })).toBe(true);
    expect(match({ keyword: "PUSKES" })).toBe(true);
    expect(match({ keyword: "Gédung" })).toBe(true);
    expect(match({ keyword: "gedung sekolah" })).toBe(false);
  });

  it("every filter must hold", () => {
    expect(match({ kbli: ["41011"], region: "bandung", categories: ["PEKERJAAN_KONSTRUKSI"], keyword: "gedung" })).toBe(
      true,
    );
    expect(match({ kbli: ["41011"], region: "bandung", categories: ["BARANG"], keyword: "gedung" })).toBe(false);
  });
});

describe("fold", () => {
  it("drops accents and case and collapses spaces", () => {
    expect(fold("  Ëndé   FLORES ")).toBe("ende flores");
  });
});
