import { describe, expect, it } from "vitest";
import {
  canTakeStep,
  checkContractValue,
  checkNegotiatedPrice,
  checkQuotation,
  priceCeiling,
} from "./direct-procurement-rules";

describe("checkQuotation", () => {
  const hps = 150_000_000n;
  it.each([
    [0n, "amountPositive"],
    [-1n, "amountPositive"],
    [1n, null],
    [hps - 1n, null],
    [hps, null],
    [hps + 1n, "quotationAboveHps"],
  ] as const)("%s -> %s", (price, expected) => {
    expect(checkQuotation(price, hps)).toBe(expected);
  });
});

describe("checkNegotiatedPrice and checkContractValue", () => {
  const ceiling = 140_000_000n;
  it.each([
    [ceiling - 1n, null],
    [ceiling, null],
    [ceiling + 1n, "negotiatedAboveCeiling"],
    [0n, "amountPositive"],
  ] as const)("negotiated %s -> %s", (price, expected) => {
    expect(checkNegotiatedPrice(price, ceiling)).toBe(expected);
  });
  it.each([
    [ceiling, null],
    [ceiling + 1n, "contractAboveCeiling"],
    [0n, "amountPositive"],
  ] as const)("contract %s -> %s", (value, expected) => {
    expect(checkContractValue(value, ceiling)).toBe(expected);
  });
});

describe("priceCeiling", () => {
  it("is the negotiated price when there is one, else the quotation", () => {
    expect(priceCeiling({ quotedPrice: 10n, negotiatedPrice: 9n })).toBe(9n);
    expect(priceCeiling({ quotedPrice: 10n, negotiatedPrice: null })).toBe(10n);
    expect(priceCeiling({ quotedPrice: null, negotiatedPrice: null })).toBeNull();
  });
});

describe("canTakeStep", () => {
  it("follows invited -> quoted -> negotiated -> completed", () => {
    expect(canTakeStep("quote", "INVITED")).toBe(true);
    expect(canTakeStep("quote", "QUOTED")).toBe(false);
    expect(canTakeStep("complete", "INVITED")).toBe(false);
    expect(canTakeStep("negotiate", "NEGOTIATED")).toBe(true);
    expect(canTakeStep("complete", "NEGOTIATED")).toBe(true);
    expect(canTakeStep("cancel", "COMPLETED")).toBe(false);
    expect(canTakeStep("cancel", "CANCELLED")).toBe(false);
  });
});
