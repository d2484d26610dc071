/**
 * NPWP (Nomor Pokok Wajib Pajak). Two forms are in use side by side:
 * - 15 digits, written 99.999.999.9-999.999 (the form on older cards and deeds);
 * - 16 digits since PMK 112/PMK.03/2022: a resident individual's NIK, or for a company
 *   (badan) "0" followed by its 15-digit NPWP. DJP writes it as plain digits.
 * Separators carry no meaning: people copy the number from cards, OSS printouts and
 * Coretax, so dots, dashes and spaces anywhere are accepted and dropped; the digit count
 * decides.
 */

export type NpwpProblem = "npwpCharacters" | "npwpLength" | "npwpAllZero";

const ALLOWED = /^[0-9.\-\s]+$/;

/** The problem with a typed NPWP, or null when it is valid. */
export function npwpProblem(input: string): NpwpProblem | null {
  const text = input.trim();
  if (text === "") return "npwpLength";
  if (!ALLOWED.test(text)) return "npwpCharacters";
  const digits = text.replace(/\D/g, "");
  if (digits.length !== 15 && digits.length !== 16) return "npwpLength";
  if (/^0+$/.test(digits)) return "npwpAllZero";
  return null;
}

/** The digits of a valid NPWP, or null. This is what is stored. */
export function normalizeNpwp(input: string): string | null {
  return npwpProblem(input) === null ? input.replace(/\D/g, "") : null;
}

/**
 * For display: 15 digits as 99.999.999.9-999.999; 16 digits as they are, ungrouped,
 * the way DJP prints them (grouping in fours would invent a format nobody copies back).
 * Anything else is returned unchanged, so a bad stored value is shown, not hidden.
 */
export function formatNpwp(digits: string): string {
  const m = /^(\d{2})(\d{3})(\d{3})(\d)(\d{3})(\d{3})$/.exec(digits);
  return m ? `${m[1]}.${m[2]}.${m[3]}.${m[4]}-${m[5]}.${m[6]}` : digits;
}

/**
 * The stored forms that name the same taxpayer: a company's 16-digit NPWP is "0" + its
 * 15-digit one (PMK 112/2022), so registering either form twice is the same company.
 */
export function npwpEquivalents(digits: string): string[] {
  if (digits.length === 15) return [digits, `0${digits}`];
  if (digits.length === 16 && digits.startsWith("0")) return [digits, digits.slice(1)];
  return [digits];
}
