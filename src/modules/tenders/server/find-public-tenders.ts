import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { ProcurementCategory, ProcurementMethod, StageKind, TenderStatus } from "@/generated/prisma/enums";
import { db, dbNow } from "@/server/db";
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

export interface PublicTenderFilters {
  year?: number;
  agency?: string;
  category?: ProcurementCategory;
  method?: ProcurementMethod;
  /** the stage running now by the database clock */
  stage?: StageKind;
  /** matched, case-insensitively, inside the paket name, the tender code or the RUP code */
  q?: string;
}

export type PublicTenderSort = "newest" | "hps-desc" | "hps-asc" | "deadline";

export interface FindPublicTendersOptions {
  filters?: PublicTenderFilters;
  sort?: PublicTenderSort;
  /** 1-based; past the last page the last page is shown */
  page?: number;
  /** rows per page, at most 200 */
  take?: number;
  /** only tenders whose bid upload window is open right now (database clock) */
  openForBids?: boolean;
}

export interface PublicTenderPage {
  tenders: PublicTender[];
  total: number;
  page: number;
  pageCount: number;
  now: Date;
}

const ENDED: TenderStatus[] = ["FAILED", "CANCELLED"];

/** `%` and `_` typed by a visitor are searched for literally, not as wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A stage is current from its start up to, not including, its end; where windows overlap
 * the one that started last is in force (the same rule as findCurrentStage in domain/schedule).
 */
const stageRunning = (kind: StageKind, now: Date) => Prisma.sql`EXISTS (
  SELECT 1 FROM "TenderStage" s WHERE s."tenderId" = t.id AND s.kind = CAST(${kind} AS "StageKind")
    AND s."startsAt" <= ${now}::timestamptz AND s."endsAt" > ${now}::timestamptz
    AND NOT EXISTS (SELECT 1 FROM "TenderStage" o WHERE o."tenderId" = t.id AND o."startsAt" > s."startsAt"
      AND o."startsAt" <= ${now}::timestamptz AND o."endsAt" > ${now}::timestamptz))`;

// Raw SQL because "bid deadline soonest" orders by the end of a stage row, which Prisma's
// orderBy cannot express; every filter lives here once, so count and page always agree.
function whereSql(filters: PublicTenderFilters, openForBids: boolean, now: Date): Prisma.Sql {
  // A draft is the Pokja's work in progress: never public.
  const conditions = [Prisma.sql`t.status <> 'DRAFT'`];
  const { year, agency, category, method, stage, q } = filters;
  if (year !== undefined) conditions.push(Prisma.sql`p."fiscalYear" = ${year}::int`);
  if (agency !== undefined) conditions.push(Prisma.sql`p."agencyId" = ${agency}::uuid`);
  if (category !== undefined) conditions.push(Prisma.sql`p.category = CAST(${category} AS "ProcurementCategory")`);
  if (method !== undefined) conditions.push(Prisma.sql`t.method = CAST(${method} AS "ProcurementMethod")`);
  if (q !== undefined) {
    const pattern = likePattern(q);
    conditions.push(Prisma.sql`(p.name ILIKE ${pattern} OR t.code ILIKE ${pattern} OR p."rupCode" ILIKE ${pattern})`);
  }
  // A failed or cancelled tender keeps its schedule rows but is in no stage any more.
  if (stage !== undefined) conditions.push(Prisma.sql`t.status NOT IN ('FAILED', 'CANCELLED')`, stageRunning(stage, now));
  if (openForBids) conditions.push(Prisma.sql`t.status = 'PUBLISHED'`, stageRunning("UPLOAD_PENAWARAN", now));
  return Prisma.join(conditions, " AND ");
}

const NEWEST = Prisma.sql`t."publishedAt" DESC NULLS LAST, t."createdAt" DESC, t.id`;

function orderSql(sort: PublicTenderSort, now: Date): Prisma.Sql {
  if (sort === "hps-desc") return Prisma.sql`p.hps DESC NULLS LAST, ${NEWEST}`;
  if (sort === "hps-asc") return Prisma.sql`p.hps ASC NULLS LAST, ${NEWEST}`;
  if (sort !== "deadline") return NEWEST;
  // Deadlines still ahead first, nearest first; then those passed, latest first; then none.
  const open = Prisma.sql`(t.status NOT IN ('FAILED', 'CANCELLED') AND d.deadline > ${now}::timestamptz)`;
  return Prisma.sql`CASE WHEN ${open} THEN 0 WHEN d.deadline IS NOT NULL THEN 1 ELSE 2 END,
    CASE WHEN ${open} THEN d.deadline END ASC, d.deadline DESC, ${NEWEST}`;
}

const DEADLINE_JOIN = Prisma.sql`LEFT JOIN LATERAL (SELECT max(s."endsAt") AS deadline FROM "TenderStage" s
  WHERE s."tenderId" = t.id AND s.kind = 'UPLOAD_PENAWARAN') d ON true`;

export async function findPublicTenders(options: FindPublicTendersOptions = {}): Promise<PublicTenderPage> {
  const now = await dbNow();
  const take = Math.min(Math.max(options.take ?? 20, 1), 200);
  const sort = options.sort ?? "newest";
  const where = whereSql(options.filters ?? {}, options.openForBids ?? false, now);
  const [{ total }] = await db.$queryRaw<[{ total: number }]>`
    SELECT count(*)::int AS total FROM "Tender" t JOIN "Paket" p ON p.id = t."paketId" WHERE ${where}`;
  const pageCount = Math.max(1, Math.ceil(total / take));
  const page = Math.min(Math.max(options.page ?? 1, 1), pageCount);
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM "Tender" t JOIN "Paket" p ON p.id = t."paketId" ${sort === "deadline" ? DEADLINE_JOIN : Prisma.empty}
    WHERE ${where} ORDER BY ${orderSql(sort, now)} LIMIT ${take} OFFSET ${(page - 1) * take}`;
  const tenders = await loadRows(ids.map((r) => r.id), now);
  return { tenders, total, page, pageCount, now };
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
    const summary = summarizeStages(row.stages, now);
    return [{
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
      currentStage: ENDED.includes(row.status) ? null : summary.currentStage,
    }];
  });
}
