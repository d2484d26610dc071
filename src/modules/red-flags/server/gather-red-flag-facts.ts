import "server-only";
import type { Tx } from "@/server/db";
import type { RedFlagFacts } from "../domain/evaluate";
import type { RedFlagThresholds } from "../domain/flags";

// the addenda module's audit action (addenda/server/find-tender-addenda.ts): an addendum's
// time and the bid deadline it was published against live in that event
const ADDENDUM_ACTION = "tender.addendumPublished";

export interface TenderForFlags {
  agencyId: string;
  fiscalYear: number;
  facts: RedFlagFacts;
}

interface Row {
  method: RedFlagFacts["method"];
  publishedAt: Date | null;
  bidDeadline: Date | null;
  openedAt: Date | null;
  cancelledAt: Date | null;
  agencyId: string;
  fiscalYear: number;
  hps: bigint | null;
  winnerVendorId: string | null;
  winnerPrice: bigint | null;
  openedBids: number;
  failedAdministration: number;
  addenda: { publishedAt: string; bidDeadline: string | null }[];
  moves: { changedAt: string; oldEndsAt: string; newEndsAt: string }[];
  compensations: number;
  compensationSeconds: number;
  winsAtAgency: number | null;
  previousTenderBid: string | null;
}

/**
 * One tender's facts for the flags in one statement (it runs in the transaction of every
 * lifecycle event, so one round trip instead of one per fact), each part down an index:
 * the tender, its paket and winner by primary key; its bids by Bid's tenderId index and
 * their administrative result by Evaluation's (bidId, stage); its addenda by AuditEvent's
 * entity index; the person-made moves of its bid deadline by ScheduleChange's tenderId
 * index; its compensations by Compensation's tenderId index; only once a winner is
 * announced, the winner's wins at the agency in the window ending then (Tender's
 * paketAgencyId+announcedAt index, migration 20261212300000_red_flags) and, on a tender
 * ulang, the winner's bid in the failed tender (Bid's tenderId+vendorId index).
 */
export async function gatherRedFlagFacts(
  tx: Tx,
  tenderId: string,
  thresholds: RedFlagThresholds,
): Promise<TenderForFlags | null> {
  const windowSeconds = thresholds.repeatWinnerWindowDays * 86_400;
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT t.method::text AS method, t."publishedAt", t."bidDeadline", t."openedAt", t."cancelledAt",
      p."agencyId"::text AS "agencyId", p."fiscalYear", p.hps,
      w."vendorId"::text AS "winnerVendorId", COALESCE(w."correctedPrice", w."openedPrice") AS "winnerPrice",
      (SELECT count(*)::int FROM "Bid" b WHERE b."tenderId" = t.id AND b.status = 'SUBMITTED') AS "openedBids",
      (SELECT count(*)::int FROM "Bid" b WHERE b."tenderId" = t.id AND b.status = 'SUBMITTED'
        AND EXISTS (SELECT 1 FROM "Evaluation" e WHERE e."bidId" = b.id AND e.stage = 'ADMINISTRASI' AND NOT e.passed)
      ) AS "failedAdministration",
      (SELECT coalesce(json_agg(json_build_object('publishedAt', a."occurredAt", 'bidDeadline', a.data->>'bidDeadline')), '[]')
        FROM "AuditEvent" a
        WHERE a."entityType" = 'Tender' AND a."entityId" = t.id::text AND a.action = ${ADDENDUM_ACTION}) AS addenda,
      (SELECT coalesce(json_agg(json_build_object(
          'changedAt', c."changedAt", 'oldEndsAt', c."oldEndsAt", 'newEndsAt', c."newEndsAt")), '[]')
        FROM "ScheduleChange" c JOIN "TenderStage" s ON s.id = c."stageId"
        WHERE c."tenderId" = t.id AND c."changedById" IS NOT NULL AND s.kind = 'UPLOAD_PENAWARAN') AS moves,
      (SELECT count(*)::int FROM "Compensation" k WHERE k."tenderId" = t.id) AS compensations,
      (SELECT coalesce(sum(k."extensionSeconds"), 0)::int FROM "Compensation" k WHERE k."tenderId" = t.id)
        AS "compensationSeconds",
      CASE WHEN t."announcedAt" IS NOT NULL AND w."vendorId" IS NOT NULL THEN (
        SELECT count(*)::int FROM "Tender" t2 JOIN "Bid" b2 ON b2.id = t2."winnerBidId"
        WHERE t2."paketAgencyId" = p."agencyId" AND b2."vendorId" = w."vendorId"
          AND t2."announcedAt" > t."announcedAt" - ${windowSeconds} * interval '1 second'
          AND t2."announcedAt" <= t."announcedAt") END AS "winsAtAgency",
      (SELECT pt.code FROM "Bid" pb JOIN "Tender" pt ON pt.id = pb."tenderId"
        WHERE pb."tenderId" = t."previousTenderId" AND pb."vendorId" = w."vendorId" AND pb.status = 'SUBMITTED'
        LIMIT 1) AS "previousTenderBid"
    FROM "Tender" t JOIN "Paket" p ON p.id = t."paketId" LEFT JOIN "Bid" w ON w.id = t."winnerBidId"
    WHERE t.id = ${tenderId}::uuid`;
  if (!row) return null;
  const date = (value: string | null) => {
    const d = value ? new Date(value) : null;
    return d && !Number.isNaN(d.getTime()) ? d : null;
  };
  return {
    agencyId: row.agencyId,
    fiscalYear: row.fiscalYear,
    facts: {
      method: row.method,
      publishedAt: row.publishedAt,
      bidDeadline: row.bidDeadline,
      openedAt: row.openedAt,
      cancelledAt: row.cancelledAt,
      hps: row.hps,
      openedBids: row.openedBids,
      failedAdministration: row.failedAdministration,
      winner: row.winnerVendorId
        ? { price: row.winnerPrice, winsAtAgency: row.winsAtAgency, bidInPreviousTender: row.previousTenderBid }
        : null,
      // an addendum event without a readable deadline says nothing about lateness
      addenda: row.addenda.flatMap((a) => {
        const publishedAt = date(a.publishedAt);
        const bidDeadline = date(a.bidDeadline);
        return publishedAt && bidDeadline ? [{ publishedAt, bidDeadline }] : [];
      }),
      deadlineMoves: row.moves.map((m) => ({
        changedAt: new Date(m.changedAt),
        oldEndsAt: new Date(m.oldEndsAt),
        newEndsAt: new Date(m.newEndsAt),
      })),
      compensations: { count: row.compensations, seconds: row.compensationSeconds },
    },
  };
}
