import { z } from "zod";
import { parseRupiah } from "./money";

// The one way a form's rupiah amount is read: what a person types ("150.000.000",
// "Rp 150.000.000,00") or a bigint from code, always to a whole-rupiah bigint. Error
// texts are keys in errors.json.

/** Any whole rupiah, zero included. */
export const rupiah = z.union([z.bigint(), z.string()], { error: "rupiahInvalid" }).transform((value, ctx) => {
  const amount = typeof value === "bigint" ? value : parseRupiah(value);
  if (amount === null) {
    ctx.issues.push({ code: "custom", message: "rupiahInvalid", input: value });
    return z.NEVER;
  }
  return amount;
});

/** An amount above zero: prices, pagu, contract values. */
export const positiveRupiah = rupiah.pipe(z.bigint().positive("amountPositive"));

/** A field that may be left empty: null when empty. */
export const optionalRupiah = z
  .string()
  .trim()
  .default("")
  .transform((s, ctx) => {
    if (s === "") return null;
    const value = parseRupiah(s);
    if (value === null) ctx.addIssue({ code: "custom", message: "rupiahInvalid" });
    return value;
  });
