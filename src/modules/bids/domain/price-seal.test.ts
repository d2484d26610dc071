import { describe, expect, it } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import { RUPIAH_CEILING } from "@/lib/rupiah-schema";
import { sealKey } from "./envelope";
import { generateX25519 } from "./x25519";
import { openPrice, priceCommitmentOf, provesPriceSealed, readSealedPrice, sealPrice } from "./price-seal";

describe("sealed price", () => {
  const opening = generateX25519();

  it("opens to the price and its commitment, and proves itself from the sealer's side", () => {
    const sealed = sealPrice(opening.publicKey, 4_750_000_000n);
    const opened = openPrice(opening.privateKey, sealed.sealedPrice);
    expect(opened.price).toBe(4_750_000_000n);
    expect(opened.priceCommitment).toBe(sealed.priceCommitment);
    expect(priceCommitmentOf(opened.price, opened.salt)).toBe(sealed.priceCommitment);
    expect(
      provesPriceSealed(
        sealed.ephemeralPrivateKey,
        opening.publicKey,
        sealed.sealedPrice,
        4_750_000_000n,
        sealed.priceCommitment,
      ),
    ).toBe(true);
    expect(
      provesPriceSealed(
        sealed.ephemeralPrivateKey,
        opening.publicKey,
        sealed.sealedPrice,
        4_750_000_001n,
        sealed.priceCommitment,
      ),
    ).toBe(false);
  });

  it("never shows the price digits in the envelope or the commitment, and salts each sealing", () => {
    const a = sealPrice(opening.publicKey, 987_654_321n);
    const b = sealPrice(opening.publicKey, 987_654_321n);
    expect(a.sealedPrice.includes(Buffer.from("987654321"))).toBe(false);
    expect(a.priceCommitment).not.toBe(b.priceCommitment);
  });

  it("refuses zero and amounts above the ceiling, and fails to open with another key", () => {
    expect(() => sealPrice(opening.publicKey, 0n)).toThrow();
    expect(() => sealPrice(opening.publicKey, RUPIAH_CEILING + 1n)).toThrow();
    expect(() => openPrice(generateX25519().privateKey, sealPrice(opening.publicKey, 1n).sealedPrice)).toThrow();
  });

  describe("reading whatever a sealed price holds (at the opening)", () => {
    const salt = randomBytes(32).toString("hex");
    const sealText = (text: string) => sealKey(opening.publicKey, Buffer.from(text)).envelope;
    const sha = (text: string) => createHash("sha256").update(text).digest("hex");

    it("reads an honest price with the same commitment as the receipt's", () => {
      const sealed = sealPrice(opening.publicKey, RUPIAH_CEILING);
      expect(readSealedPrice(opening.privateKey, sealed.sealedPrice)).toEqual({
        status: "OK",
        price: RUPIAH_CEILING,
        commitment: sealed.priceCommitment,
      });
    });

    it.each([
      [`${RUPIAH_CEILING + 1n}:${salt}`, "ABOVE_CEILING"],
      [`${2n ** 63n}:${salt}`, "ABOVE_CEILING"],
      [`99999999999999999999:${salt}`, "ABOVE_CEILING"],
      [`${"9".repeat(41)}:${salt}`, "MALFORMED"],
      [`0:${salt}`, "MALFORMED"],
      [`-5:${salt}`, "MALFORMED"],
      [`1.5:${salt}`, "MALFORMED"],
      ["12345", "MALFORMED"],
    ])("names %s as %s, with the commitment over the sealed bytes, and no price", (text, status) => {
      expect(readSealedPrice(opening.privateKey, sealText(text))).toEqual({
        status,
        price: null,
        commitment: sha(text),
      });
    });

    it("throws only when the envelope does not open", () => {
      expect(() => readSealedPrice(generateX25519().privateKey, sealText("1:" + salt))).toThrow();
      expect(() => readSealedPrice(opening.privateKey, sealText(""))).toThrow();
    });
  });
});
