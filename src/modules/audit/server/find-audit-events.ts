import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { actionMatch, dayRange, type AuditFilter } from "../domain/audit-filter";

export interface AuditEventRow {
  /** bigint in the database; a string here so it can cross into client components */
  seq: string;
  occurredAt: Date;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
}

export interface AuditPage {
  events: AuditEventRow[];
  /** the cursor of the next (older) page, or null on the last page */
  olderThan: string | null;
  /** how many events match, counted up to COUNT_LIMIT; null when more do */
  total: number | null;
  /** a filter named a tender or a person that does not exist: nothing can match */
  unknown: "tender" | "actor" | null;
}

export const AUDIT_PAGE_SIZE = 50;
/** Counting a million matches would cost more than the page; past this the page says "more than". */
export const COUNT_LIMIT = 10_000;
/** A name fragment matching more people than this is too vague to filter by. */
const MAX_ACTORS = 50;

const none = (unknown: AuditPage["unknown"]): AuditPage => ({ events: [], olderThan: null, total: 0, unknown });

/**
 * Audit events, newest first, a keyset page at a time (`olderThan` a seq), narrowed by any
 * of the filters together. Only AUDITOR and ADMIN_LPSE may read them. Each filter is one
 * SQL condition served by an index ending in seq (migration 20261209700000_audit_filters),
 * so a page stops after its rows however long the trail is. Days are read in `timeZone`.
 */
export async function findAuditEvents(
  actor: Actor,
  options: { filter?: AuditFilter; olderThan?: bigint | null; pageSize?: number; timeZone?: string } = {},
): Promise<AuditPage> {
  if (!can(actor, "audit.read")) throw new AppError("FORBIDDEN");
  const pageSize = Math.min(Math.max(options.pageSize ?? AUDIT_PAGE_SIZE, 1), 100);
  const filter = options.filter ?? {};
  const conditions: Prisma.Sql[] = [];

  if (filter.tender) {
    const tender = await db.tender.findUnique({ where: { code: filter.tender }, select: { id: true, code: true } });
    if (!tender) return none("tender");
    conditions.push(Prisma.sql`(("entityType" = 'Tender' AND "entityId" = ${tender.id})
      OR (data ->> 'tenderId') = ${tender.id} OR (data ->> 'tenderCode') = ${tender.code})`);
  }
  if (filter.entityType) conditions.push(Prisma.sql`"entityType" = ${filter.entityType}`);
  if (filter.entityId) conditions.push(Prisma.sql`"entityId" = ${filter.entityId}`);
  if (filter.actor) {
    const ids = await actorIds(filter.actor);
    if (ids.length === 0) return none("actor");
    conditions.push(Prisma.sql`"actorId" = ANY(${ids}::uuid[])`);
  }
  if (filter.action) {
    const match = actionMatch(filter.action);
    // the pattern is letters and dots only (the schema), so it holds no LIKE wildcard
    conditions.push(
      "exact" in match ? Prisma.sql`action = ${match.exact}` : Prisma.sql`action LIKE ${`${match.prefix}%`}`,
    );
  }
  if (filter.from || filter.to) {
    const range = dayRange(filter, options.timeZone ?? "Asia/Jakarta");
    if (!range) throw new AppError("VALIDATION", "auditFilterDate", {}, { from: ["auditFilterDate"] });
    if (range.from) conditions.push(Prisma.sql`"occurredAt" >= ${range.from}`);
    if (range.to) conditions.push(Prisma.sql`"occurredAt" < ${range.to}`);
  }

  const where = conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
  const page = options.olderThan ? Prisma.sql`AND seq < ${options.olderThan}` : Prisma.empty;
  // A tender's events are found by an OR of three indexes. Asked for the newest 51 in seq
  // order, PostgreSQL guesses the OR matches many rows and walks the whole trail backwards
  // testing each (359 ms at a million events, bench/audit-filters.ts); behind OFFSET 0 it
  // finds the tender's few thousand rows by the indexes and sorts only those (under 1 ms).
  const fence = filter.tender ? Prisma.sql`OFFSET 0` : Prisma.empty;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<(Omit<AuditEventRow, "seq"> & { seq: bigint })[]>`
      SELECT * FROM (
        SELECT seq, "occurredAt", "actorLabel", action, "entityType", "entityId"
          FROM "AuditEvent" WHERE ${where} ${page} ${fence}
      ) AS matched
       ORDER BY seq DESC LIMIT ${pageSize + 1}`,
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT 1 FROM "AuditEvent" WHERE ${where} LIMIT ${COUNT_LIMIT + 1}) AS matched`,
  ]);
  const events = rows.slice(0, pageSize).map((row) => ({ ...row, seq: row.seq.toString() }));
  const total = Number(counted[0]!.n);
  return {
    events,
    olderThan: rows.length > pageSize ? events.at(-1)!.seq : null,
    total: total > COUNT_LIMIT ? null : total,
    unknown: null,
  };
}

/** The people a name fragment or e-mail address names: a whole address exactly, else part of a name. */
async function actorIds(term: string): Promise<string[]> {
  const users = await db.user.findMany({
    where: term.includes("@")
      ? { email: { equals: term, mode: "insensitive" } }
      : { name: { contains: term, mode: "insensitive" } },
    select: { id: true },
    take: MAX_ACTORS + 1,
  });
  if (users.length > MAX_ACTORS) {
    throw new AppError("VALIDATION", "auditFilterActorVague", {}, { actor: ["auditFilterActorVague"] });
  }
  return users.map((u) => u.id);
}
