import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { maskNpwp } from "@/modules/award/domain";
import { readLpseProfile } from "@/modules/lpse";
import { normalizeNpwp, npwpEquivalents } from "@/modules/vendors/domain";
import { db, dbNow } from "@/server/db";
import { likePattern } from "@/server/keyword-sql";
import { blacklistState, type BlacklistState } from "../domain/in-force";

/** Rows per page of the public list. Configuration, not law. */
export const BLACKLIST_PAGE_SIZE = 20;
/** A name search longer than this is cut: no company name comes near it. Configuration, not law. */
export const BLACKLIST_QUERY_MAX = 100;

export interface BlacklistRow {
  id: string;
  vendorName: string;
  /** masked as the award announcement masks it: the NPWP is not published whole */
  npwpMasked: string;
  decreeNumber: string;
  legalBasis: string;
  reason: string;
  startsAt: Date;
  endsAt: Date;
  state: BlacklistState;
  agencyId: string | null;
  /** the imposing agency's name; null: the LPSE's national entry */
  agencyName: string | null;
  timeZone: string;
  liftedAt: Date | null;
  liftReason: string | null;
}

interface RawRow extends Omit<BlacklistRow, "npwpMasked" | "state" | "timeZone"> {
  npwp: string;
  agencyTimeZone: string | null;
}

/**
 * The public daftar hitam (no sign-in): entries in force first, then those still to come, then
 * ended or lifted ones, newest first within each; a search by company name or by a whole NPWP
 * (either form). A partial NPWP finds nothing, so the masked digits cannot be guessed by search.
 */
export async function findBlacklist(input: { page: number; q?: string }) {
  const now = await dbNow();
  const q = (input.q ?? "").trim().slice(0, BLACKLIST_QUERY_MAX);
  const npwp = q ? normalizeNpwp(q) : null;
  const where = !q
    ? Prisma.sql`TRUE`
    : npwp
      ? Prisma.sql`b.npwp = ANY(${npwpEquivalents(npwp)}::text[])`
      : Prisma.sql`b."vendorName" ILIKE ${likePattern(q)}`;
  const group = Prisma.sql`CASE
      WHEN b."liftedAt" IS NULL AND b."startsAt" <= ${now} AND b."endsAt" > ${now} THEN 0
      WHEN b."liftedAt" IS NULL AND b."startsAt" > ${now} THEN 1
      ELSE 2 END`;
  const [counted, rows, lpse] = await Promise.all([
    db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "BlacklistEntry" b WHERE ${where}`,
    db.$queryRaw<RawRow[]>`
      SELECT b.id, b."vendorName", b.npwp, b."decreeNumber", b."legalBasis", b.reason, b."startsAt", b."endsAt",
             b."agencyId", a.name AS "agencyName", a."timeZone" AS "agencyTimeZone", b."liftedAt", b."liftReason"
      FROM "BlacklistEntry" b LEFT JOIN "Agency" a ON a.id = b."agencyId"
      WHERE ${where}
      ORDER BY ${group}, b."createdAt" DESC, b.id
      LIMIT ${BLACKLIST_PAGE_SIZE} OFFSET ${(input.page - 1) * BLACKLIST_PAGE_SIZE}`,
    readLpseProfile(),
  ]);
  const total = Number(counted[0]?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / BLACKLIST_PAGE_SIZE));
  return {
    page: input.page,
    pageCount,
    total,
    q,
    rows: rows.map(({ npwp: digits, agencyTimeZone, ...row }): BlacklistRow => ({
      ...row,
      npwpMasked: maskNpwp(digits),
      state: blacklistState(row, now),
      timeZone: agencyTimeZone ?? lpse.timeZone,
    })),
  };
}
