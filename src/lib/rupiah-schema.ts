import { z } from "zod";
import { parseRupiah } from "./money";

/**
 * The largest rupiah amount Segel accepts anywhere, Rp9.999.999.999.999.999: one rupiah
 * under Rp10.000 triliun. Configuration, not law: no regulation sets it. It is far above
 * any real amount (the whole APBN is under Rp4.000 triliun), so it refuses nothing
 * honest, and a hundred times it still fits a BIGINT (9,2 x 10^18), so a percentage of
 * any amount, worked out in bigint or in SQL, cannot overflow a column. PostgreSQL holds
 * the same figure in CHECK constraints (migration 20261206110000_rupiah_ceiling), and the
 * opening records a sealed price above it as that bid's defect. docs/decisions/0014.
 */
export const RUPIAH_CEILING = 9_999_999_999_999_999n;

/** Zero up to the ceiling, both included. */
export const isWithinRupiahCeiling = (amount: bigint) => amount >= 0n && amount <= RUPIAH_CEILING;

/**
 * Why an amount is refused, as a key in errors.json, or null. A negative amount is told
 * it is negative and a huge one the ceiling (in the message), not that it has decimals.
 */
export function rupiahIssue(amount: bigint): "amountNegative" | "amountAboveCeiling" | null {
  if (amount < 0n) return "amountNegative";
  return amount > RUPIAH_CEILING ? "amountAboveCeiling" : null;
}

/** "-5.000", "Rp -5.000", "-Rp5.000": a minus before or after "Rp" in front of a valid amount. */
const isNegativeText = (text: string) =>
  /^\s*(?:rp\.?\s*)?-|^\s*-\s*rp/i.test(text) && parseRupiah(text.replace("-", "")) !== null;

/** Reads a typed or given amount into a bigint within the ceiling, or adds the issue. */
function readAmount(value: bigint | string, ctx: z.RefinementCtx): bigint {
  const amount = typeof value === "bigint" ? value : parseRupiah(value);
  const issue =
    amount === null ? (isNegativeText(value as string) ? "amountNegative" : "rupiahInvalid") : rupiahIssue(amount);
  if (issue) {
    ctx.addIssue({ code: "custom", message: issue, input: value });
    return z.NEVER;
  }
  return amount!;
}

// The one way a form's rupiah amount is read: what a person types ("150.000.000",
// "Rp 150.000.000,00") or a bigint from code, always to a whole-rupiah bigint from zero
// to RUPIAH_CEILING. Error texts are keys in errors.json.

/** Any whole rupiah, zero included. */
export const rupiah = z.union([z.bigint(), z.string()], { error: "rupiahInvalid" }).transform(readAmount);

/** An amount above zero: prices, pagu, contract values. */
export const positiveRupiah = rupiah.pipe(z.bigint().positive("amountPositive"));

/** A field that may be left empty: null when empty. */
export const optionalRupiah = z
  .string()
  .trim()
  .default("")
  .transform((s, ctx) => (s === "" ? null : readAmount(s, ctx)));
