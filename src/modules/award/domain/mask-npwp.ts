/**
 * The public award shows an NPWP with the middle hidden: the first two and last three
 * digits let a reader who knows the company recognise it, without publishing the whole
 * tax number.
 */
export function maskNpwp(npwp: string): string {
  const digits = npwp.replace(/\D/g, "");
  if (digits.length < 6) return "*".repeat(digits.length);
  return `${digits.slice(0, 2)}${"*".repeat(digits.length - 5)}${digits.slice(-3)}`;
}
