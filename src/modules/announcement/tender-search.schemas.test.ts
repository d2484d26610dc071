import { describe, expect, it } from "vitest";
import { hasFilters, parseTenderSearch, readTenderSearch, tenderSearchQuery } from "./tender-search.schemas";

const AGENCY = "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b";

describe("parseTenderSearch", () => {
  it("defaults to the newest first, page 1, no filters", () => {
    const search = parseTenderSearch({});
    expect(search).toEqual({ sort: "newest", page: 1 });
    expect(hasFilters(search)).toBe(false);
  });

  it("reads every valid filter", () => {
    const search = parseTenderSearch({
      year: "2026",
      agency: AGENCY,
      category: "PEKERJAAN_KONSTRUKSI",
      method: "TENDER_CEPAT",
      stage: "UPLOAD_PENAWARAN",
      q: "  jalan  ",
      sort: "deadline",
      page: "3",
    });
    expect(search).toEqual({
      year: 2026,
      agency: AGENCY,
      category: "PEKERJAAN_KONSTRUKSI",
      method: "TENDER_CEPAT",
      stage: "UPLOAD_PENAWARAN",
      q: "jalan",
      sort: "deadline",
      page: 3,
    });
    expect(hasFilters(search)).toBe(true);
  });

  it.each([
    ["year", "dua ribu"],
    ["year", "1999"],
    ["year", "2026.5"],
    ["agency", "not-a-uuid"],
    ["agency", "1; DROP TABLE"],
    ["category", "barang"],
    ["method", "LELANG"],
    ["stage", "SELESAI"],
    ["q", "   "],
    ["q", "x".repeat(101)],
    ["q", "jalan\u0000"],
  ])("ignores %s=%j and keeps the rest", (key, value) => {
    const search = parseTenderSearch({ [key]: value, category: key === "category" ? value : "BARANG" });
    expect(search[key as keyof typeof search]).toBeUndefined();
    if (key !== "category") expect(search.category).toBe("BARANG");
  });

  it.each([
    ["sort", "random", "newest"],
    ["page", "0", 1],
    ["page", "-4", 1],
    ["page", "abc", 1],
    ["page", "1e9", 1],
  ])("falls back for %s=%j", (key, value, expected) => {
    expect(parseTenderSearch({ [key]: value })[key as "sort" | "page"]).toBe(expected);
  });

  it("takes the first of a repeated parameter", () => {
    expect(parseTenderSearch({ method: ["SELEKSI", "TENDER"] }).method).toBe("SELEKSI");
  });
});

describe("readTenderSearch: HPS range and location", () => {
  it("reads an HPS range as typed, both ends included, and a location", () => {
    const { search, problems } = readTenderSearch({
      hpsMin: "150.000.000",
      hpsMax: "Rp 2.000.000.000",
      location: " Bandung ",
    });
    expect(search).toMatchObject({ hpsMin: 150_000_000n, hpsMax: 2_000_000_000n, location: "Bandung" });
    expect(problems).toEqual([]);
    expect(hasFilters(search)).toBe(true);
  });

  it("accepts an equal minimum and maximum, zero, and the rupiah ceiling", () => {
    expect(readTenderSearch({ hpsMin: "5000", hpsMax: "5000" }).search).toMatchObject({ hpsMin: 5000n, hpsMax: 5000n });
    expect(readTenderSearch({ hpsMin: "0" }).search.hpsMin).toBe(0n);
    expect(readTenderSearch({ hpsMax: "9999999999999999" }).search.hpsMax).toBe(9_999_999_999_999_999n);
  });

  it.each([
    ["hpsMin", "-5.000"],
    ["hpsMin", "lima juta"],
    ["hpsMax", "10000000000000000"],
    ["hpsMax", "1e9"],
    ["location", "ab"],
    ["location", "x".repeat(101)],
    ["location", "kota\u0000"],
    ["year", "1999"],
    ["agency", "1; DROP TABLE"],
  ])("drops %s=%j and names it", (key, value) => {
    const { search, problems } = readTenderSearch({ [key]: value, category: "BARANG" });
    expect(search[key as keyof typeof search]).toBeUndefined();
    expect(search.category).toBe("BARANG");
    expect(problems).toEqual([key]);
  });

  it("drops a range whose minimum is above its maximum, and says so", () => {
    const { search, problems } = readTenderSearch({ hpsMin: "2.000.000", hpsMax: "1.999.999" });
    expect(search.hpsMin).toBeUndefined();
    expect(search.hpsMax).toBeUndefined();
    expect(problems).toEqual(["hpsOrder"]);
  });

  it("ignores empty fields, as an untouched GET form sends them", () => {
    expect(readTenderSearch({ hpsMin: "", hpsMax: " ", location: "", q: "" })).toEqual({
      search: { sort: "newest", page: 1 },
      problems: [],
    });
  });

  it("keeps the new filters when moving to another page", () => {
    const search = parseTenderSearch({ hpsMin: "1.000", location: "bandung", page: "2" });
    expect(tenderSearchQuery(search, { page: 3 })).toBe("?hpsMin=1000&location=bandung&page=3");
  });
});

describe("tenderSearchQuery", () => {
  it("leaves defaults out", () => {
    expect(tenderSearchQuery(parseTenderSearch({}))).toBe("");
  });

  it("keeps filters and sort when moving to another page", () => {
    const search = parseTenderSearch({ year: "2026", q: "jalan desa", sort: "hps-desc", page: "2" });
    expect(tenderSearchQuery(search, { page: 3 })).toBe("?year=2026&q=jalan+desa&sort=hps-desc&page=3");
    expect(tenderSearchQuery(search, { page: 1 })).toBe("?year=2026&q=jalan+desa&sort=hps-desc");
  });
});
