/**
 * Rupiah are whole numbers held as bigint (see house style): pagu and HPS can exceed
 * 2^53, where a JavaScript number silently loses rupiah.
 */

const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
const PLAIN = /^\d+$/;

/** "Rp200.000.000"; negative values as "-Rp5.000". Exact for any size. */
export function formatRupiah(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  // Group from the right in threes with a dot, as Indonesian writes numbers.
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}Rp${grouped}`;
}

/**
 * Reads what a person types for an amount: "200.000.000", "Rp 200.000.000", "Rp200.000.000,00",
 * "200000000". Returns null for anything that is not a whole, non-negative rupiah amount
 * (decimals other than ",00"/",-", misplaced dots, letters, minus signs), so a form can say so.
 */
export function parseRupiah(input: string): bigint | null {
  // Only the ends and the gap after "Rp" may hold spaces; "12 000" is ambiguous, so refused.
  let text = input.trim().replace(/^rp\.?\s*/i, "");
  // Indonesian invoices often end an amount with ",00" or ",-"; neither changes the value.
  text = text.replace(/,(?:00?|-)$/, "");
  if (!GROUPED.test(text) && !PLAIN.test(text)) return null;
  return BigInt(text.replace(/\./g, ""));
}
