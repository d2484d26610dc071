import { describe, expect, it } from "vitest";
import { checkBidParts, choosableBidParts, requiredBidParts } from "./bid-parts";

const FOUR = ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA"] as const;

describe("requiredBidParts", () => {
  it("takes the procedure's parts when the tender chose none (set up before issue 15)", () => {
    expect(requiredBidParts(FOUR, [], null)).toEqual(FOUR);
  });

  it("takes the tender's choice over the procedure's", () => {
    expect(requiredBidParts(FOUR, ["HARGA", "TEKNIS"], null)).toEqual(["TEKNIS", "HARGA"]);
  });

  it("adds the bid security document when the tender asks a bid security, once", () => {
    expect(requiredBidParts(["HARGA"], [], 100_000_000n)).toEqual(["HARGA", "JAMINAN_PENAWARAN"]);
    expect(requiredBidParts(["HARGA"], ["HARGA", "JAMINAN_PENAWARAN"], 1n)).toEqual(["HARGA", "JAMINAN_PENAWARAN"]);
  });

  it("adds none for no amount or zero", () => {
    expect(requiredBidParts(["HARGA"], [], null)).toEqual(["HARGA"]);
    expect(requiredBidParts(["HARGA"], [], 0n)).toEqual(["HARGA"]);
  });
});

describe("checkBidParts", () => {
  it("allows an empty choice (the procedure's applies) and any subset with the price", () => {
    expect(checkBidParts(FOUR, [])).toBeNull();
    expect(checkBidParts(FOUR, ["HARGA"])).toBeNull();
    expect(checkBidParts(FOUR, [...FOUR])).toBeNull();
  });

  it("refuses a part outside the procedure's list", () => {
    expect(checkBidParts(["HARGA"], ["HARGA", "TEKNIS"])).toBe("bidPartsOutsideProcedure");
  });

  it("refuses choosing the bid security document: it follows from the bid security rule", () => {
    expect(checkBidParts([...FOUR, "JAMINAN_PENAWARAN"], ["HARGA", "JAMINAN_PENAWARAN"])).toBe(
      "bidPartsOutsideProcedure",
    );
    expect(choosableBidParts([...FOUR, "JAMINAN_PENAWARAN"])).toEqual(FOUR);
  });

  it("refuses a choice without the price", () => {
    expect(checkBidParts(FOUR, ["ADMINISTRASI", "TEKNIS"])).toBe("bidPartsNeedPrice");
  });
});
