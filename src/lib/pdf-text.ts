// Typographic characters people paste into names, mapped to what Helvetica's WinAnsi has.
const REPLACEMENTS: Record<string, string> = {
  "\u2013": "-",
  "\u2014": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u2026": "...",
  "\u00A0": " ",
};

/**
 * Text for pdfkit's built-in Helvetica, which can only draw Latin-1: common typography is
 * replaced, accents are kept, anything else becomes "?" rather than invisible garbage.
 */
export function toPdfText(text: string): string {
  return [...text.normalize("NFC")].map((ch) => REPLACEMENTS[ch] ?? (ch.codePointAt(0)! <= 0xff ? ch : "?")).join("");
}
