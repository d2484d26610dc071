import { describe, expect, it } from "vitest";
import { generateX25519 } from "@/modules/sealing/domain/x25519";
import { openPrice, priceCommitmentOf, provesPriceSealed, sealPrice } from "./price-seal";

describe("sealed price", () => {
  const opening = generateX25519();

  it("opens to the price and its commitment, and proves itself from the sealer's side", () => {
    const sealed = sealPrice(opening.publicKey, 4_750_000_000n);
    const opened = openPrice(opening.privateKey, sealed.sealedPrice);
    expect(opened.price).toBe(4_750_000_000n);
    expect(opened.priceCommitment).toBe(sealed.priceCommitment);
    expect(priceCommitmentOf(opened.price, opened.salt)).toBe(sealed.priceCommitment);
    expect(provesPriceSealed(sealed.ephemeralPrivateKey, opening.publicKey, sealed.sealedPrice, 4_750_000_000n, sealed.priceCommitment)).toBe(true);
    expect(provesPriceSealed(sealed.ephemeralPrivateKey, opening.publicKey, sealed.sealedPrice, 4_750_000_001n, sealed.priceCommitment)).toBe(false);
  });

  it("never shows the price digits in the envelope or the commitment, and salts each sealing", () => {
    const a = sealPrice(opening.publicKey, 987_654_321n);
    const b = sealPrice(opening.publicKey, 987_654_321n);
    expect(a.sealedPrice.includes(Buffer.from("987654321"))).toBe(false);
    expect(a.priceCommitment).not.toBe(b.priceCommitment);
  });

  it("refuses zero and fails to open with another key", () => {
    expect(() => sealPrice(opening.publicKey, 0n)).toThrow();
    expect(() => openPrice(generateX25519().privateKey, sealPrice(opening.publicKey, 1n).sealedPrice)).toThrow();
  });
});
