/**
 * When a published tender matches a vendor's saved search. The worker runs the same rule as
 * SQL over every saved search at once (server/match-tender.ts); match.int.test.ts holds the
 * two to each other. Every filter left empty lets every tender through.
 *
 * KBLI: a search matches when the tender requires at least one of its codes, AND when the
 * tender requires none. A tender that lists no KBLI (every method but Tender Cepat leaves
 * `requiredKbli` empty: Perpres 16/2018 Pasal 38 ayat (6) asks for checkable codes only
 * there) is open to every line of business, so hiding it would hide most tenders from a
 * vendor who named its KBLI. Decided here; configuration, not law.
 */
export interface TenderForMatch {
  requiredKbli: readonly string[];
  location: string;
  category: string;
  /** the paket's HPS; null when it has none yet (then a value range does not match) */
  hps: bigint | null;
  name: string;
}

export interface SearchFilters {
  kbli: readonly string[];
  region: string | null;
  categories: readonly string[];
  minValue: bigint | null;
  maxValue: bigint | null;
  keyword: string | null;
}

/**
 * Case and accents are folded by one table, so SQL (translate + lower) and this code fold
 * alike: PostgreSQL here has no unaccent extension. The letters of Indonesian and of the
 * loanwords and names it writes with accents; anything else is compared as it is.
 */
export const FOLD_FROM = "ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿÑñÇç";
export const FOLD_TO = "AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuYyyNnCc";

const FOLD = new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i]!]));

/** Folded for comparison: accents off by the table, then lower case, spaces collapsed. */
export function fold(text: string): string {
  return [...text]
    .map((c) => FOLD.get(c) ?? c)
    .join("")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of a keyword, folded: each must appear in the tender's name (in any order). */
export function keywordWords(keyword: string | null): string[] {
  return keyword ? fold(keyword).split(" ").filter(Boolean) : [];
}

export function matchesSearch(tender: TenderForMatch, search: SearchFilters): boolean {
  if (search.kbli.length > 0 && tender.requiredKbli.length > 0) {
    if (!tender.requiredKbli.some((code) => search.kbli.includes(code))) return false;
  }
  if (search.region && !fold(tender.location).includes(fold(search.region))) return false;
  if (search.categories.length > 0 && !search.categories.includes(tender.category)) return false;
  if (search.minValue !== null && (tender.hps === null || tender.hps < search.minValue)) return false;
  if (search.maxValue !== null && (tender.hps === null || tender.hps > search.maxValue)) return false;
  const name = fold(tender.name);
  return keywordWords(search.keyword).every((word) => name.includes(word));
}
