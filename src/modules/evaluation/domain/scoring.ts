import { SCORE_DECIMALS, SCORE_MAX } from "./evaluation-rules";

/**
 * Scores are held as integer thousandths of a point (87,5 = 87500), so sums, weights and
 * comparisons are exact and the same on every machine; only display adds the comma.
 */
export const SCORE_SCALE = 10 ** SCORE_DECIMALS;
export const MAX_SCORE_UNITS = SCORE_MAX * SCORE_SCALE;

/** a / b rounded half up, for non-negative a and positive b */
function divideHalfUp(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (b * 2n);
}

/**
 * Sistem nilai, price score (Perlem LKPP 12/2021, Lampiran II): the lowest corrected
 * price among the passing bids over this bid's corrected price, × 100.
 */
export function priceScoreUnits(lowestPrice: bigint, price: bigint): number {
  if (price <= 0n || lowestPrice <= 0n) throw new RangeError("prices must be positive");
  return Number(divideHalfUp(lowestPrice * BigInt(MAX_SCORE_UNITS), price));
}

/**
 * Sistem nilai, combined score: technical × wT% + price × wP% (weights in whole percent
 * summing to 100, fixed in the selection documents), rounded half up to 3 decimals.
 */
export function weightedTotalUnits(
  technicalUnits: number,
  priceUnits: number,
  technicalWeight: number,
  priceWeight: number,
): number {
  if (technicalWeight + priceWeight !== 100) throw new RangeError("weights must sum to 100");
  const weighted = BigInt(technicalUnits) * BigInt(technicalWeight) + BigInt(priceUnits) * BigInt(priceWeight);
  return Number(divideHalfUp(weighted, 100n));
}

/** "87.500": the form Prisma's Decimal(7,3) takes. */
export function unitsToDecimalString(units: number): string {
  const whole = Math.trunc(units / SCORE_SCALE);
  const fraction = String(units % SCORE_SCALE).padStart(SCORE_DECIMALS, "0");
  return `${whole}.${fraction}`;
}

/** "87,500" (id) or "87.500" (en) for people. */
export function formatScore(units: number, locale: "id" | "en" = "id"): string {
  const text = unitsToDecimalString(units);
  return locale === "id" ? text.replace(".", ",") : text;
}

/**
 * A score a person types: "87", "87,5", "87.125"; 0..100 with at most 3 decimals.
 * Null for anything else, so the form can say so.
 */
export function parseScore(input: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,3}))?$/.exec(input.trim());
  if (!match) return null;
  const units = Number(match[1]) * SCORE_SCALE + Number((match[2] ?? "").padEnd(SCORE_DECIMALS, "0"));
  return units <= MAX_SCORE_UNITS ? units : null;
}

/** Decimal(7,3) as Prisma returns it (Decimal, or its string form) back to units. */
export function decimalToUnits(value: { toString(): string } | null): number | null {
  if (value === null) return null;
  return parseScore(value.toString());
}
