import { describe, expect, it } from "vitest";
import { hasFilters, parseTenderSearch, tenderSearchQuery } from "./tender-search.schemas";

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
