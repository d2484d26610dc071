import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { ProcurementCategory, ProcurementMethod, StageKind } from "@/generated/prisma/enums";
import { keywordSql, likePattern, type Keyword } from "@/server/keyword-sql";

// The SQL of the public list, over the tender's own list columns (copied from the paket and
// the schedule by triggers) so that an index of "Tender" serves every filter and order
// (docs/decisions/0015-public-list-at-scale.md).

/**
 * How far a visitor can page through one search: counting or skipping further reads that
 * many rows per request, and nobody reads page 4,000 of a list. Past it the page asks the
 * visitor to narrow the search. Configuration, not law.
 */
export const LISTABLE_TENDERS = 1_000;

export interface PublicTenderFilters {
  year?: number;
  agency?: string;
  category?: ProcurementCategory;
  method?: ProcurementMethod;
  /** the stage running now by the database clock */
  stage?: StageKind;
  /**
   * whole words in any order, or (three characters or more) any part of the paket name, the
   * tender code or the RUP code, or its longer words with a typo; case and accents ignored
   */
  q?: string;
  /** the HPS from, to (rupiah, both included) */
  hpsMin?: bigint;
  hpsMax?: bigint;
  /** any part (three characters or more) of the paket's location, case and accents ignored */
  location?: string;
}

export type PublicTenderSort = "newest" | "hps-desc" | "hps-asc" | "deadline";

/**
 * A stage is current from its start up to, not including, its end; where windows overlap
 * the one that started last is in force (the same rule as findCurrentStage in domain/schedule).
 * Written from the stages' side: the windows of a kind not ended yet are few (index on kind
 * and end), where asking each tender in turn would read them all.
 */
const stageRunning = (kind: StageKind, now: Date) => Prisma.sql`t.id IN (
  SELECT s."tenderId" FROM "TenderStage" s WHERE s.kind = CAST(${kind} AS "StageKind")
    AND s."endsAt" > ${now}::timestamptz AND s."startsAt" <= ${now}::timestamptz
    AND NOT EXISTS (SELECT 1 FROM "TenderStage" o WHERE o."tenderId" = s."tenderId" AND o."startsAt" > s."startsAt"
      AND o."startsAt" <= ${now}::timestamptz AND o."endsAt" > ${now}::timestamptz))`;

/**
 * Which tenders (alias `t`) the public list shows at all, for the list and its filter
 * choices alike. A draft is the Pokja's work in progress: never public. A penunjukan
 * langsung invites one vendor: it is listed as non-tender
 * (penunjukan/server/find-public-penunjukan.ts). Nor is a draft cancelled before it was
 * announced: PostgreSQL ties publishedAt to every status after DRAFT but that one
 * (docs/decisions/0023).
 */
export const LISTED_TENDER = Prisma.sql`t.status <> 'DRAFT' AND t.method <> 'PENUNJUKAN_LANGSUNG' AND t."publishedAt" IS NOT NULL`;

/** The filters as the SQL takes them: the keyword prepared, the location folded (keyword-sql.ts). */
export type PreparedTenderFilters = Omit<PublicTenderFilters, "q"> & { q?: Keyword };

/** Every filter lives here once, so the count and the page always agree. */
export function whereSql(filters: PreparedTenderFilters, openForBids: boolean, now: Date): Prisma.Sql {
  const conditions = [LISTED_TENDER];
  const { year, agency, category, method, stage, q, hpsMin, hpsMax, location } = filters;
  if (year !== undefined) conditions.push(Prisma.sql`t."paketFiscalYear" = ${year}::int`);
  if (agency !== undefined) conditions.push(Prisma.sql`t."paketAgencyId" = ${agency}::uuid`);
  if (category !== undefined)
    conditions.push(Prisma.sql`t."paketCategory" = CAST(${category} AS "ProcurementCategory")`);
  if (method !== undefined) conditions.push(Prisma.sql`t.method = CAST(${method} AS "ProcurementMethod")`);
  if (q !== undefined) conditions.push(keywordSql(q, Prisma.sql`t."searchText"`, Prisma.sql`t."searchVector"`));
  // a tender without an HPS has none in any range
  if (hpsMin !== undefined) conditions.push(Prisma.sql`t."paketHps" >= ${hpsMin}::bigint`);
  if (hpsMax !== undefined) conditions.push(Prisma.sql`t."paketHps" <= ${hpsMax}::bigint`);
  if (location !== undefined) conditions.push(Prisma.sql`t."paketLocation" ILIKE ${likePattern(location)}`);
  // A failed or cancelled tender keeps its schedule rows but is in no stage any more.
  if (stage !== undefined)
    conditions.push(Prisma.sql`t.status NOT IN ('FAILED', 'CANCELLED')`, stageRunning(stage, now));
  if (openForBids) conditions.push(Prisma.sql`t.status = 'PUBLISHED'`, stageRunning("UPLOAD_PENAWARAN", now));
  return Prisma.join(conditions, " AND ");
}

export interface PageSource {
  /** a `WITH` clause, or nothing */
  with: Prisma.Sql;
  /** the rows as `t`, then `WHERE` with the filters: a sort part's own condition follows with AND */
  from: Prisma.Sql;
}

/**
 * Where a page's rows are read from: normally "Tender" itself, so that each sort part walks
 * its own index and stops after offset + take rows. Not when a keyword's matches were all
 * counted (at most LISTABLE_TENDERS): PostgreSQL's statistics keep only the frequent words,
 * so it estimates a rare one (a tender number, a place named once) at up to 0.5 % of the
 * table, walks the sort's index expecting a match every 200 rows, and reads every tender
 * before it has a page when there are a handful. Those matches are instead found once through
 * the text indexes and then ordered (a few hundred rows), whatever the sort or the page. The
 * branch is on the count, which is exact here, not on an estimate; with more matches than
 * that, PostgreSQL chooses between walking and sorting from its statistics as before.
 */
export function pageSource(where: Prisma.Sql, keywordMatchesAllCounted: boolean): PageSource {
  if (!keywordMatchesAllCounted) return { with: Prisma.empty, from: Prisma.sql`"Tender" t WHERE ${where}` };
  return {
    with: Prisma.sql`WITH matches AS MATERIALIZED (SELECT t.id, t.status, t."publishedAt", t."createdAt", t."paketHps", t."bidDeadline"
      FROM "Tender" t WHERE ${where})`,
    from: Prisma.sql`matches t WHERE true`,
  };
}

const NEWEST = Prisma.sql`t."publishedAt" DESC, t."createdAt" DESC, t.id`;
const ALL = Prisma.sql`true`;

/**
 * A sort as parts listed one after the other, each in an order an index of "Tender" holds:
 * tenders without an HPS after the others, and for the deadline the windows still open
 * (nearest first), then those passed (latest first), then tenders without an upload window.
 */
export function sortParts(sort: PublicTenderSort, now: Date): { where: Prisma.Sql; order: Prisma.Sql }[] {
  if (sort === "hps-asc") return [{ where: ALL, order: Prisma.sql`t."paketHps" ASC NULLS LAST, ${NEWEST}` }];
  if (sort === "hps-desc") {
    return [
      { where: Prisma.sql`t."paketHps" IS NOT NULL`, order: Prisma.sql`t."paketHps" DESC, ${NEWEST}` },
      { where: Prisma.sql`t."paketHps" IS NULL`, order: NEWEST },
    ];
  }
  if (sort !== "deadline") return [{ where: ALL, order: NEWEST }];
  const ended = Prisma.sql`t.status IN ('FAILED', 'CANCELLED')`;
  return [
    {
      where: Prisma.sql`NOT ${ended} AND t."bidDeadline" > ${now}::timestamptz`,
      order: Prisma.sql`t."bidDeadline" ASC, ${NEWEST}`,
    },
    {
      where: Prisma.sql`t."bidDeadline" IS NOT NULL AND (${ended} OR t."bidDeadline" <= ${now}::timestamptz)`,
      order: Prisma.sql`t."bidDeadline" DESC, ${NEWEST}`,
    },
    { where: Prisma.sql`t."bidDeadline" IS NULL`, order: NEWEST },
  ];
}
