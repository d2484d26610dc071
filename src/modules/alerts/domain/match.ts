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
 * Folded for comparison as the search folds (PostgreSQL's unaccent, segel_search_fold in
 * migration 20261212200000_search, which the worker's SQL uses): accents off, lower case,
 * spaces collapsed. Here the accents go by Unicode decomposition, which agrees with unaccent
 * on the accented Latin letters Indonesian names and loanwords use (match.int.test.ts holds
 * the two to each other).
 */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
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
