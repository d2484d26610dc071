import { describe, expect, it } from "vitest";
import { negotiationRefusal } from "./negotiation";

const base = { offerPassed: true, offeredPrice: 950_000_000n, hps: 1_000_000_000n, agreedPrice: 900_000_000n };

describe("negotiationRefusal", () => {
  it("accepts a price at or below the offer and the HPS", () => {
    expect(negotiationRefusal(base)).toBeNull();
    expect(negotiationRefusal({ ...base, agreedPrice: 950_000_000n })).toBeNull();
  });
  it("refuses one rupiah above the offer", () => {
    expect(negotiationRefusal({ ...base, agreedPrice: 950_000_001n })).toBe("plAgreedAboveOffer");
  });
  it("refuses one rupiah above the HPS, even below an offer above it", () => {
    const aboveHps = { ...base, offeredPrice: 1_200_000_000n };
    expect(negotiationRefusal({ ...aboveHps, agreedPrice: 1_000_000_000n })).toBeNull();
    expect(negotiationRefusal({ ...aboveHps, agreedPrice: 1_000_000_001n })).toBe("plAgreedAboveHps");
  });
  it("refuses to negotiate an offer that did not pass the evaluation", () => {
    expect(negotiationRefusal({ ...base, offerPassed: false })).toBe("plOfferNotPassed");
  });
});
