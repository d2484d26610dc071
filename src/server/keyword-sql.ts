import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { typoTsquery, typoWords } from "@/lib/search-words";
import { db } from "./db";

// The one way a visitor's keyword becomes SQL, for tenders and non-tender records alike
// (issue 14, item 2; docs/decisions/0015-public-list-at-scale.md): over a folded search text
// with a trigram GIN index and its 'simple' tsvector with a GIN index.

/** `%` and `_` typed by a visitor are searched for literally, not as wildcards. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A keyword with a run of three letters or digits is also looked for inside words: the
 * trigram index needs three characters. A shorter one ("RS", "0%") matches whole words only.
 */
const hasTrigram = (q: string) => /[\p{L}\p{N}]{3}/u.test(q);

/**
 * Texts folded the way the triggers fold what they store (segel_search_fold, migration
 * 20261212200000_search: lower case, accents removed, so "Café" finds "cafe"), in one
 * round trip. Folded before the search, not inside it: unaccent() is STABLE, so inside a
 * filter PostgreSQL would fold the keyword again for every row it tests, where a folded
 * constant makes the tsquery and the pattern constants too (and their estimates exact).
 */
export async function foldTexts<T extends Record<string, string | undefined>>(texts: T): Promise<T> {
  const keys = Object.keys(texts).filter((key) => texts[key] !== undefined);
  if (keys.length === 0) return texts;
  const [row] = await db.$queryRaw<[Record<string, string>]>`SELECT ${Prisma.join(
    keys.map((key, i) => Prisma.sql`segel_search_fold(${texts[key]}) AS ${Prisma.raw(`f${i}`)}`),
  )}`;
  return { ...texts, ...Object.fromEntries(keys.map((key, i) => [key, row[`f${i}`]])) };
}

/**
 * How alike a typed word and a stored one must be (pg_trgm similarity) to count as a typo of
 * it: "pembanguan"/"pembangunan" 0.64, "puskemas"/"puskesmas" 0.58, "jembtan"/"jembatan" 0.55,
 * and a letter left out of a five-letter word, the least alike a typo gets, 0.44
 * ("banjr"/"banjir"). Other words lie below: one letter changed in a six-letter word 0.40
 * ("banjir"/"banjar", also "kantor"/"kontor", a typo missed), "jalan"/"jalur" 0.33,
 * "gedung"/"gudang" 0.17. Configuration, not law.
 */
export const TYPO_SIMILARITY = 0.42;

/** A keyword ready for keywordSql: folded, and its typos looked up. */
export interface Keyword {
  folded: string;
  /** a tsquery of its words with their near spellings, or null when that finds nothing more */
  typos: string | null;
}

/**
 * Folds a keyword and looks its longer words up among the stored words ("SearchWord", a
 * trigram index; `%` is pg_trgm's index-served 0.3, then TYPO_SIMILARITY), before the
 * search: the search then holds a constant tsquery, which PostgreSQL estimates from its
 * statistics like any other (a subquery's result it guesses at 0.5 % of the table).
 */
export async function prepareKeyword(q: string): Promise<Keyword> {
  const { folded } = await foldTexts({ folded: q });
  const words = typoWords(folded);
  if (!words) return { folded, typos: null };
  const rows = await db.$queryRaw<{ word: string; near: string[] }[]>`SELECT w.word,
      coalesce(array_agg(s.word ORDER BY s.word) FILTER (WHERE s.word IS NOT NULL), '{}') AS near
    FROM unnest(ARRAY[${Prisma.join(words.tolerant)}]::text[]) w(word)
    LEFT JOIN "SearchWord" s ON s.word % w.word AND similarity(s.word, w.word) >= ${TYPO_SIMILARITY}::real
    GROUP BY w.word`;
  return { folded, typos: typoTsquery(words, new Map(rows.map((r) => [r.word, r.near]))) };
}

/**
 * A keyword over the folded search text (`text`) and its words (`vector`): whole words in any
 * order (full text, 'simple': PostgreSQL has no Indonesian dictionary), any part of a name or
 * code of three characters or more (trigram ILIKE), and the longer words with a typo
 * (prepareKeyword). All served by the GIN indexes of the two columns. Shared by tenders and
 * non-tender records.
 */
export function keywordSql(keyword: Keyword, text: Prisma.Sql, vector: Prisma.Sql): Prisma.Sql {
  const { folded, typos } = keyword;
  const matches = [Prisma.sql`${vector} @@ websearch_to_tsquery('simple', ${folded})`];
  if (hasTrigram(folded)) matches.push(Prisma.sql`${text} ILIKE ${likePattern(folded)}`);
  if (typos !== null) matches.push(Prisma.sql`${vector} @@ to_tsquery('simple', ${typos})`);
  return Prisma.sql`(${Prisma.join(matches, " OR ")})`;
}
