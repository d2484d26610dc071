import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { isWithinRupiahCeiling } from "@/lib/rupiah-schema";
import { openAsSealer, openKey, sealKey } from "./envelope";

/**
 * The offered price is sealed as "price:salt" to the tender's opening key. The receipt
 * carries SHA-256("price:salt"): after the opening anyone can check that the price read
 * is the one committed to at submission, while before it the 256-bit salt keeps the
 * commitment from being brute-forced over plausible prices.
 */
export const priceCommitmentOf = (price: bigint, salt: string) =>
  createHash("sha256").update(`${price}:${salt}`).digest("hex");

export function sealPrice(openingPublicKey: Uint8Array, price: bigint) {
  if (price <= 0n || !isWithinRupiahCeiling(price)) throw new Error("price out of range");
  const salt = randomBytes(32).toString("hex");
  const sealed = sealKey(openingPublicKey, Buffer.from(`${price}:${salt}`));
  return {
    sealedPrice: sealed.envelope,
    priceCommitment: priceCommitmentOf(price, salt),
    ephemeralPrivateKey: sealed.ephemeralPrivateKey,
  };
}

const PRICE_TEXT = /^([1-9]\d{0,39}):([0-9a-f]{64})$/;

function parse(text: string): { price: bigint; salt: string } {
  const match = PRICE_TEXT.exec(text);
  if (!match) throw new Error("malformed sealed price");
  return { price: BigInt(match[1]!), salt: match[2]! };
}

export type SealedPriceReading =
  | { status: "OK"; price: bigint; commitment: string }
  | { status: "MALFORMED" | "ABOVE_CEILING"; price: null; commitment: string };

/**
 * At the opening, whatever a sealed price holds: the commitment is taken over the exact
 * bytes that were sealed (for a well-formed price it equals priceCommitmentOf), so a
 * malformed or absurd price can still be matched to its receipt and named, and the caller
 * never needs to see, log or store the text itself. Throws only when the envelope does
 * not open with this key.
 */
export function readSealedPrice(openingPrivateKey: Uint8Array, sealedPrice: Uint8Array): SealedPriceReading {
  const plain = openKey(openingPrivateKey, sealedPrice);
  try {
    const commitment = createHash("sha256").update(plain).digest("hex");
    const match = PRICE_TEXT.exec(plain.toString("latin1"));
    if (!match) return { status: "MALFORMED", price: null, commitment };
    const price = BigInt(match[1]!);
    return isWithinRupiahCeiling(price)
      ? { status: "OK", price, commitment }
      : { status: "ABOVE_CEILING", price: null, commitment };
  } finally {
    plain.fill(0);
  }
}

/** Opens a sealed price with the tender's private key (at the opening). */
export function openPrice(openingPrivateKey: Uint8Array, sealedPrice: Uint8Array) {
  const opened = parse(openKey(openingPrivateKey, sealedPrice).toString("utf8"));
  return { ...opened, priceCommitment: priceCommitmentOf(opened.price, opened.salt) };
}

/** At submission: the stored envelope opens (sealer side) to this price and commitment. */
export function provesPriceSealed(
  ephemeralPrivateKey: Uint8Array,
  openingPublicKey: Uint8Array,
  sealedPrice: Uint8Array,
  price: bigint,
  commitment: string,
): boolean {
  try {
    const opened = parse(openAsSealer(ephemeralPrivateKey, openingPublicKey, sealedPrice).toString("utf8"));
    const recomputed = Buffer.from(priceCommitmentOf(opened.price, opened.salt));
    return opened.price === price && timingSafeEqual(recomputed, Buffer.from(commitment));
  } catch {
    return false;
  }
}
