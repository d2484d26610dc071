/**
 * NIB (Nomor Induk Berusaha): 13 digits, issued by OSS (PP 5/2021 on risk-based
 * licensing). KBLI: the 5-digit business classification of KBLI 2020 (Peraturan BPS
 * 2/2020); the first two digits name the golongan pokok, 01 to 99.
 */

export type NibProblem = "nibInvalid" | "nibAllZero";

/** The 13 digits of a NIB (spaces dropped), or the problem. */
export function parseNib(input: string): { ok: true; value: string } | { ok: false; problem: NibProblem } {
  const digits = input.replace(/\s/g, "");
  if (!/^\d{13}$/.test(digits)) return { ok: false, problem: "nibInvalid" };
  if (/^0+$/.test(digits)) return { ok: false, problem: "nibAllZero" };
  return { ok: true, value: digits };
}

export const isKbliCode = (code: string): boolean => /^\d{5}$/.test(code) && !code.startsWith("00");

/** Most companies list a handful of KBLI; OSS lists rarely pass a few dozen. */
export const MAX_KBLI = 50;

/**
 * KBLI codes as typed: separated by commas, semicolons or spaces. Returns the codes once
 * each in the order typed, or the codes that are not valid.
 */
export function parseKbliList(
  input: string | readonly string[],
): { ok: true; value: string[] } | { ok: false; invalid: string[] } {
  const parts = (typeof input === "string" ? [input] : input).flatMap((s) => s.split(/[\s,;]+/)).filter(Boolean);
  const invalid = parts.filter((p) => !isKbliCode(p));
  if (invalid.length) return { ok: false, invalid };
  return { ok: true, value: [...new Set(parts)] };
}

/**
 * Forms of business a penyedia registers as. Perpres 16/2018 lets a pelaku usaha be a
 * badan usaha (PT, CV, Firma, Koperasi) or a perorangan; UD is a sole trader's trade name.
 */
export const BUSINESS_FORMS = ["PT", "CV", "Firma", "Koperasi", "Perorangan", "UD"] as const;
