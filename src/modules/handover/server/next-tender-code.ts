import "server-only";
import type { Tx } from "@/server/db";
import { nextTenderCode, tenderCodePattern } from "../domain/handover-rules";

// Two hand-overs in the same year take turns for the next number; the lock ends with the
// transaction. The unique index on Tender.code stays the last guard.
const TENDER_CODE_LOCK = 815_0002;

/** The next public tender code of a fiscal year, e.g. "2026000007". */
export async function takeTenderCode(tx: Tx, year: number): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TENDER_CODE_LOCK}::int, ${year}::int)`;
  const [row] = await tx.$queryRaw<{ last: string | null }[]>`
    SELECT max(code) AS last FROM "Tender" WHERE code ~ ${tenderCodePattern(year)}`;
  return nextTenderCode(year, row?.last ?? null);
}
