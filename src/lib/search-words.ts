// How a typed keyword is looked for with typos allowed (issue 14, item 2). Pure: the SQL
// that applies it is src/server/keyword-sql.ts.

/**
 * A word this long or longer may be found with a typo ("pembanguan" finds "pembangunan").
 * A shorter word has too few trigrams to tell a typo from another word ("rsud" and "rsu"
 * share most of theirs; "obat" and "alat" half), so it must be found as typed. The words
 * stored for typos are as long (migration 20261212200000_search). Configuration, not law.
 */
export const TYPO_MIN_LETTERS = 5;

export interface TypoWords {
  /** each must be found, as a whole word or with a typo (pg_trgm similarity to a stored word) */
  tolerant: string[];
  /** each must be found as a whole word */
  exact: string[];
}

/**
 * The words of a keyword for the typo-tolerant match, or null when none applies: a keyword
 * with a digit is a number or a code, typed to be found exactly ("Paket 12345" would
 * otherwise find "Paket 12346"), and a keyword of short words only has no word long enough.
 */
export function typoWords(keyword: string): TypoWords | null {
  const words = keyword.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0 || words.some((word) => /\p{N}/u.test(word))) return null;
  const tolerant = words.filter((word) => [...word].length >= TYPO_MIN_LETTERS);
  if (tolerant.length === 0) return null;
  return { tolerant, exact: words.filter((word) => [...word].length < TYPO_MIN_LETTERS) };
}

/**
 * The tsquery (to_tsquery syntax) that finds the words with their near spellings: each
 * tolerant word as any of its `near` stored words, every short word as typed. Null when it
 * would find nothing the whole-word match does not: every tolerant word has no near word but
 * itself, or one has none at all (then no row has it, and the search has no typo to forgive
 * there). Words are letters only (typoWords), so quoting each is enough.
 */
export function typoTsquery(words: TypoWords, near: ReadonlyMap<string, readonly string[]>): string | null {
  const spellings = words.tolerant.map((word) => near.get(word) ?? []);
  if (spellings.some((list) => list.length === 0)) return null;
  if (spellings.every((list, i) => list.length === 1 && list[0] === words.tolerant[i])) return null;
  const quote = (word: string) => `'${word.replace(/'/g, "''")}'`;
  return [...spellings.map((list) => `(${list.map(quote).join(" | ")})`), ...words.exact.map(quote)].join(" & ");
}
