import "server-only";
import { db } from "@/server/db";
import { foldTexts, likePattern } from "@/server/keyword-sql";

export interface AgencySearchItem {
  id: string;
  code: string;
  name: string;
}

/**
 * Agencies whose name or code contains the keyword, case and accents ignored, an exact code
 * first, then by name. An LPSE serves tens to a few hundred agencies: folding each name at
 * query time reads them all in well under a millisecond, so no copied column or index is
 * kept for them (the tender and non-tender searches have both).
 */
export async function searchAgencies(q: string, take = 10): Promise<AgencySearchItem[]> {
  const { folded } = await foldTexts({ folded: q });
  const pattern = likePattern(folded);
  return db.$queryRaw<AgencySearchItem[]>`SELECT a.id, a.code, a.name FROM "Agency" a
    WHERE segel_search_fold(a.name) ILIKE ${pattern} OR segel_search_fold(a.code) ILIKE ${pattern}
    ORDER BY (upper(a.code) = upper(${q})) DESC, a.name, a.id LIMIT ${Math.min(Math.max(take, 1), 50)}`;
}
