import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { ProcurementCategory, ProcurementMethod, StageKind, TenderStatus } from "@/generated/prisma/enums";
import { db, dbNow } from "@/server/db";
import { foldTexts, prepareKeyword } from "@/server/keyword-sql";
import {
  LISTABLE_TENDERS,
  pageSource,
  sortParts,
  whereSql,
  type PageSource,
  type PublicTenderFilters,
  type PublicTenderSort,
} from "./public-tender-sql";
import { stagesAt, summarizeStages } from "./stage-summary";

/** What anyone, signed in or not, may see of a tender. Never the HPS breakdown. */
export interface PublicTender {
  id: string;
  code: string;
  status: TenderStatus;
  method: ProcurementMethod;
  paketName: string;
  category: ProcurementCategory;
  /** HPS total; its breakdown (HpsItem) is confidential */
  hps: bigint | null;
  agencyName: string;
  agencyTimeZone: string;
  /** null between windows and for a failed or cancelled tender, which is in no stage */
  currentStage: StageKind | null;
  bidDeadline: Date | null;
}

export interface FindPublicTendersOptions {
  filters?: PublicTenderFilters;
  sort?: PublicTenderSort;
  /** 1-based; past the last page that can be listed, that page is shown */
  page?: number;
  /** rows per page, at most 200 */
  take?: number;
  /** only tenders whose bid upload window is open right now (database clock) */
  openForBids?: boolean;
}

export interface PublicTenderPage {
  tenders: PublicTender[];
  /** every match when `isTotalExact`; otherwise the planner's estimate, above LISTABLE_TENDERS */
  total: number;
  isTotalExact: boolean;
  page: number;
  /** pages that can be listed: at most LISTABLE_TENDERS rows in all */
  pageCount: number;
  /** more tenders match than can be paged through: the visitor should narrow the search */
  isCapped: boolean;
  now: Date;
}

export async function findPublicTenders(options: FindPublicTendersOptions = {}): Promise<PublicTenderPage> {
  const now = await dbNow();
  const take = Math.min(Math.max(Math.trunc(options.take ?? 20), 1), 200);
  const given = options.filters ?? {};
  // the keyword and the location as the triggers stored the text they are looked for in
  const [keyword, { location }] = await Promise.all([
    given.q === undefined ? undefined : prepareKeyword(given.q),
    foldTexts({ location: given.location }),
  ]);
  const filters = { ...given, q: keyword, location };
  const where = whereSql(filters, options.openForBids ?? false, now);
  const counted = await countUpTo(where, LISTABLE_TENDERS + 1);
  const isTotalExact = counted <= LISTABLE_TENDERS;
  const total = isTotalExact ? counted : Math.max(await estimateRows(where), counted);
  const pageCount = Math.max(1, Math.ceil(Math.min(counted, LISTABLE_TENDERS) / take));
  const page = Math.min(Math.max(Math.trunc(options.page ?? 1), 1), pageCount);
  // A keyword that is a tender's code or its paket's RUP code puts those tenders first, on
  // page 1; the other matches follow in the chosen order and never repeat them.
  const exact = counted === 0 || given.q === undefined ? [] : await exactCodeIds(where, given.q);
  const rest = exact.length
    ? Prisma.sql`${where} AND t.id NOT IN (${Prisma.join(exact.map((id) => Prisma.sql`${id}::uuid`))})`
    : where;
  const start = (page - 1) * take;
  const head = exact.slice(start, start + take);
  const source = pageSource(rest, filters.q !== undefined && isTotalExact);
  const tail =
    counted === 0 || head.length === take
      ? []
      : await pageIds(
          source,
          sortParts(options.sort ?? "newest", now),
          Math.max(0, start - exact.length),
          take - head.length,
        );
  const ids = [...head, ...tail];
  const tenders = await loadRows(ids, now);
  return { tenders, total, isTotalExact, page, pageCount, isCapped: !isTotalExact, now };
}

/**
 * Counts matches, but stops at `limit`: an exact count of 98,000 tenders reads 98,000 rows
 * per request. The order lets PostgreSQL walk an index instead of the table.
 */
async function countUpTo(where: Prisma.Sql, limit: number): Promise<number> {
  const [{ total }] = await db.$queryRaw<
    [{ total: number }]
  >`SELECT count(*)::int AS total FROM (SELECT 1 FROM "Tender" t
    WHERE ${where} ORDER BY t."publishedAt" DESC, t."createdAt" DESC, t.id LIMIT ${limit}) x`;
  return total;
}

/**
 * The listed tenders (among the matches) whose code or RUP code is the keyword as typed or
 * in capitals, newest first: the code's unique index and the RUP code's index, a handful of
 * rows (a paket's tenders: the first and its re-tenders).
 */
async function exactCodeIds(where: Prisma.Sql, q: string): Promise<string[]> {
  const codes = Prisma.sql`(${q}, upper(${q}))`;
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT t.id FROM "Tender" t
    WHERE (t.code IN ${codes} OR t."paketRupCode" IN ${codes}) AND ${where}
    ORDER BY t."publishedAt" DESC, t."createdAt" DESC, t.id LIMIT 10`;
  return rows.map((r) => r.id);
}

/** The planner's estimate of the matches (from its statistics; nothing is read), two digits. */
async function estimateRows(where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "Tender" t WHERE ${where}`;
  const rows = row?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0;
  return rows > 0 ? Number(rows.toPrecision(2)) : 0;
}

/**
 * The ids of one page. A sort made of parts (HPS highest with the unknown HPS last; deadline
 * with open, passed and none) reads each part down its own index, at most offset + take rows,
 * or from a keyword's matches when `source` holds them (pageSource).
 */
async function pageIds(
  source: PageSource,
  parts: ReturnType<typeof sortParts>,
  offset: number,
  take: number,
): Promise<string[]> {
  if (parts.length === 1) {
    const [part] = parts;
    const rows = await db.$queryRaw<{ id: string }[]>`${source.with} SELECT t.id FROM ${source.from} AND ${part!.where}
      ORDER BY ${part!.order} LIMIT ${take} OFFSET ${offset}`;
    return rows.map((r) => r.id);
  }
  const selects = parts.map(
    (part, index) => Prisma.sql`(SELECT t.id, ${index}::int AS part, row_number() OVER (ORDER BY ${part.order}) AS n
    FROM ${source.from} AND ${part.where} ORDER BY ${part.order} LIMIT ${offset + take})`,
  );
  const rows = await db.$queryRaw<
    { id: string }[]
  >`${source.with} SELECT id FROM (${Prisma.join(selects, " UNION ALL ")}) x
    ORDER BY part, n LIMIT ${take} OFFSET ${offset}`;
  return rows.map((r) => r.id);
}

/** The page's rows by id, built with `select`, in the order the search decided. */
async function loadRows(ids: string[], now: Date): Promise<PublicTender[]> {
  if (ids.length === 0) return [];
  const rows = await db.tender.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      code: true,
      status: true,
      method: true,
      paket: { select: { name: true, category: true, hps: true, agency: { select: { name: true, timeZone: true } } } },
      stages: stagesAt(now),
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const summary = summarizeStages(row.status, row.stages, now);
    return [
      {
        id: row.id,
        code: row.code,
        status: row.status,
        method: row.method,
        paketName: row.paket.name,
        category: row.paket.category,
        hps: row.paket.hps,
        agencyName: row.paket.agency.name,
        agencyTimeZone: row.paket.agency.timeZone,
        bidDeadline: summary.bidDeadline,
        currentStage: summary.currentStage,
      },
    ];
  });
}
