/**
 * A rupiah amount in Indonesian words, as official letters write it beside the figure
 * ("empat ratus lima puluh dua juta tujuh ratus lima puluh ribu rupiah"). Exact for any
 * bigint: prices above 2^53 are not rounded.
 */
const UNITS = [
  "",
  "satu",
  "dua",
  "tiga",
  "empat",
  "lima",
  "enam",
  "tujuh",
  "delapan",
  "sembilan",
  "sepuluh",
  "sebelas",
];
const SCALES = ["", "ribu", "juta", "miliar", "triliun", "kuadriliun", "kuintiliun"];

function belowThousand(n: number): string {
  if (n < 12) return UNITS[n]!;
  if (n < 20) return `${UNITS[n - 10]} belas`;
  if (n < 100) return [`${UNITS[Math.floor(n / 10)]} puluh`, UNITS[n % 10]].filter(Boolean).join(" ");
  const hundreds = Math.floor(n / 100);
  const head = hundreds === 1 ? "seratus" : `${UNITS[hundreds]} ratus`;
  return [head, belowThousand(n % 100)].filter(Boolean).join(" ");
}

export function terbilang(value: bigint): string {
  if (value < 0n) return `minus ${terbilang(-value)}`;
  if (value === 0n) return "nol";
  const groups: number[] = [];
  for (let v = value; v > 0n; v /= 1000n) groups.push(Number(v % 1000n));
  if (groups.length > SCALES.length) throw new RangeError("amount too large to write in words");
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    // 1000 is "seribu", not "satu ribu"; 1.000.000 is still "satu juta"
    words.push(i === 1 && g === 1 ? "seribu" : [belowThousand(g), SCALES[i]].filter(Boolean).join(" "));
  }
  return words.join(" ");
}

/** "empat ratus … rupiah" */
export const rupiahInWords = (value: bigint) => `${terbilang(value)} rupiah`;
