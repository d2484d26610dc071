import "server-only";
import type { Tx } from "@/server/db";
import type { RedFlagFacts } from "../domain/evaluate";
import type { RedFlagThresholds } from "../domain/flags";

// the addenda module's audit action (addenda/server/find-tender-addenda.ts): an addendum's
// time and the bid deadline it was published against live in that event
const ADDENDUM_ACTION = "tender.addendumPublished";
const DAY_MS = 86_400_000;

export interface TenderForFlags {
  agencyId: string;
  fiscalYear: number;
  facts: RedFlagFacts;
}

/**
 * One tender's facts for the flags, in a handful of indexed reads: the tender with its
 * paket, winner and opened bids (by primary key and Bid's tenderId index), its addenda
 * (AuditEvent's entity index), the person-made moves of its bid deadline (ScheduleChange's
 * tenderId index), its compensations (Compensation's tenderId index), and only after the
 * announcement the winner's wins at the agency (Tender's paketAgencyId+announcedAt index)
 * and, on a tender ulang, the winner's bid in the failed tender (Bid's tenderId+vendorId).
 */
export async function gatherRedFlagFacts(
  tx: Tx,
  tenderId: string,
  thresholds: RedFlagThresholds,
): Promise<TenderForFlags | null> {
  const tender = await tx.tender.findUnique({
    where: { id: tenderId },
    select: {
      method: true,
      publishedAt: true,
      bidDeadline: true,
      openedAt: true,
      announcedAt: true,
      cancelledAt: true,
      previousTenderId: true,
      paket: { select: { agencyId: true, fiscalYear: true, hps: true } },
      winnerBid: { select: { vendorId: true, openedPrice: true, correctedPrice: true } },
      bids: {
        where: { status: "SUBMITTED" },
        select: { evaluations: { where: { stage: "ADMINISTRASI" }, select: { passed: true } } },
      },
      scheduleChanges: {
        where: { changedById: { not: null }, stage: { kind: "UPLOAD_PENAWARAN" } },
        select: { changedAt: true, oldEndsAt: true, newEndsAt: true },
      },
    },
  });
  if (!tender) return null;
  const { paket, winnerBid } = tender;

  // one after the other: a transaction's queries share one connection
  const addendumEvents = await tx.auditEvent.findMany({
    where: { entityType: "Tender", entityId: tenderId, action: ADDENDUM_ACTION },
    select: { occurredAt: true, data: true },
  });
  const compensation = await tx.compensation.aggregate({
    where: { tenderId },
    _count: { _all: true },
    _sum: { extensionSeconds: true },
  });

  let winner: RedFlagFacts["winner"] = null;
  if (winnerBid) {
    winner = {
      price: winnerBid.correctedPrice ?? winnerBid.openedPrice,
      winsAtAgency: tender.announcedAt
        ? await countWins(tx, paket.agencyId, winnerBid.vendorId, tender.announcedAt, thresholds.repeatWinnerWindowDays)
        : null,
      bidInPreviousTender: tender.previousTenderId
        ? await previousTenderBid(tx, tender.previousTenderId, winnerBid.vendorId)
        : null,
    };
  }

  return {
    agencyId: paket.agencyId,
    fiscalYear: paket.fiscalYear,
    facts: {
      method: tender.method,
      publishedAt: tender.publishedAt,
      bidDeadline: tender.bidDeadline,
      openedAt: tender.openedAt,
      cancelledAt: tender.cancelledAt,
      hps: paket.hps,
      openedBids: tender.bids.length,
      failedAdministration: tender.bids.filter((b) => b.evaluations.some((e) => !e.passed)).length,
      winner,
      addenda: addendumEvents.flatMap((e) => {
        const deadline = (e.data as { bidDeadline?: unknown }).bidDeadline;
        const bidDeadline = typeof deadline === "string" ? new Date(deadline) : null;
        // an event without a readable deadline says nothing about lateness
        return bidDeadline && !Number.isNaN(bidDeadline.getTime()) ? [{ publishedAt: e.occurredAt, bidDeadline }] : [];
      }),
      deadlineMoves: tender.scheduleChanges,
      compensations: { count: compensation._count._all, seconds: compensation._sum.extensionSeconds ?? 0 },
    },
  };
}

/** The vendor's announced wins at the agency in the window that ends at `announcedAt`. */
async function countWins(tx: Tx, agencyId: string, vendorId: string, announcedAt: Date, windowDays: number) {
  const from = new Date(announcedAt.getTime() - windowDays * DAY_MS);
  const [row] = await tx.$queryRaw<[{ wins: number }]>`
    SELECT count(*)::int AS wins
    FROM "Tender" t JOIN "Bid" b ON b.id = t."winnerBidId"
    WHERE t."paketAgencyId" = ${agencyId}::uuid
      AND t."announcedAt" > ${from} AND t."announcedAt" <= ${announcedAt}
      AND b."vendorId" = ${vendorId}::uuid`;
  return row.wins;
}

/** The failed tender's code when the vendor bid in it (a bid submitted, not withdrawn or replaced). */
async function previousTenderBid(tx: Tx, previousTenderId: string, vendorId: string): Promise<string | null> {
  const bid = await tx.bid.findFirst({
    where: { tenderId: previousTenderId, vendorId, status: "SUBMITTED" },
    select: { tender: { select: { code: true } } },
  });
  return bid?.tender.code ?? null;
}
