import "server-only";
import { LISTED_TENDER } from "@/modules/tenders";
import { db } from "@/server/db";

export interface TenderFilterOptions {
  /** newest first */
  fiscalYears: number[];
  agencies: { id: string; name: string }[];
}

/**
 * The choices of the /tender filter form that come from data (categories etc. are enums):
 * only years and agencies with at least one tender the public list shows (LISTED_TENDER). Each is found with a few index
 * lookups (docs/decisions/0015-public-list-at-scale.md), never by reading every tender.
 */
export async function findTenderFilterOptions(): Promise<TenderFilterOptions> {
  const [years, agencies] = await Promise.all([
    // One step per year, each the next lower year in the year index (a "loose index scan").
    db.$queryRaw<{ year: number }[]>`WITH RECURSIVE y AS (
        SELECT (SELECT max(t."paketFiscalYear") FROM "Tender" t WHERE ${LISTED_TENDER}) AS year
        UNION ALL
        SELECT (SELECT max(t."paketFiscalYear") FROM "Tender" t WHERE ${LISTED_TENDER} AND t."paketFiscalYear" < y.year)
        FROM y WHERE y.year IS NOT NULL)
      SELECT year FROM y WHERE year IS NOT NULL ORDER BY year DESC`,
    // One probe of the agency index per agency: LIMIT 1 in that index's order keeps it a
    // probe, not a join over all tenders nor a scan of the table hoping to meet one soon.
    db.$queryRaw<{ id: string; name: string }[]>`SELECT a.id, a.name FROM "Agency" a
      CROSS JOIN LATERAL (SELECT 1 FROM "Tender" t WHERE t."paketAgencyId" = a.id AND ${LISTED_TENDER}
        ORDER BY t."publishedAt" DESC LIMIT 1) x
      ORDER BY a.name`,
  ]);
  return { fiscalYears: years.map((y) => y.year), agencies };
}
