import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { NonTenderKind, ProcurementCategory } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { keywordSql, prepareKeyword } from "@/server/keyword-sql";

/** How many matches the search page counts exactly; beyond, it says "more than". Configuration, not law. */
export const NON_TENDER_SEARCH_COUNTED = 100;

export interface NonTenderSearchItem {
  id: string;
  name: string;
  rupCode: string | null;
  kind: NonTenderKind;
  category: ProcurementCategory;
  value: bigint;
  vendorName: string;
  realizedOn: Date;
  agencyName: string;
  agencyTimeZone: string;
}

/**
 * Non-tender records whose name, RUP code, vendor or agency the keyword finds (the same
 * matching as the tender list: keyword-sql.ts, over the record's folded search text and its
 * indexes), newest realisation first. The count stops after NON_TENDER_SEARCH_COUNTED.
 */
export async function searchNonTenderRecords(
  q: string,
  take = 5,
): Promise<{ records: NonTenderSearchItem[]; total: number; isTotalExact: boolean }> {
  const where = keywordSql(await prepareKeyword(q), Prisma.sql`r."searchText"`, Prisma.sql`r."searchVector"`);
  const [{ total }] = await db.$queryRaw<[{ total: number }]>`SELECT count(*)::int AS total FROM (
    SELECT 1 FROM "NonTenderRecord" r WHERE ${where} LIMIT ${NON_TENDER_SEARCH_COUNTED + 1}) x`;
  if (total === 0) return { records: [], total, isTotalExact: true };
  const rows = await db.$queryRaw<
    (Omit<NonTenderSearchItem, "agencyName" | "agencyTimeZone"> & { agencyId: string })[]
  >`
    SELECT r.id, r.name, r."rupCode", r.kind, r.category, r.value, r."vendorName", r."realizedOn", r."agencyId"
    FROM "NonTenderRecord" r WHERE ${where}
    ORDER BY r."realizedOn" DESC, r."recordedAt" DESC, r.id LIMIT ${Math.min(Math.max(take, 1), 50)}`;
  const agencies = await db.agency.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.agencyId))] } },
    select: { id: true, name: true, timeZone: true },
  });
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const records = rows.map(({ agencyId, ...r }) => ({
    ...r,
    agencyName: byId.get(agencyId)?.name ?? "",
    agencyTimeZone: byId.get(agencyId)?.timeZone ?? "Asia/Jakarta",
  }));
  return {
    records,
    total: Math.min(total, NON_TENDER_SEARCH_COUNTED),
    isTotalExact: total <= NON_TENDER_SEARCH_COUNTED,
  };
}
