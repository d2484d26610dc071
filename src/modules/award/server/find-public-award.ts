import "server-only";
import type { TenderStatus } from "@/generated/prisma/enums";
import { EVALUATED_BIDS, RESULT_BID, roleOf, toResult } from "@/modules/evaluation";
import { filingWindow, withStageEnds } from "@/modules/sanggah/domain";
import { db } from "@/server/db";

// Until the winner is announced the public sees bidders only as "Peserta 1, 2, …"
// (procurement-domain.md): the result, with names, exists publicly only from then on.
const ANNOUNCED: readonly TenderStatus[] = ["AWARDED", "COMPLETED"];

/**
 * The public result of a tender after the announcement: winner, reserves and, for every
 * evaluated bidder, pass or fail per stage with the reason and the ranking. Null before
 * the announcement (the page answers 404), so nothing leaks early.
 */
export async function findPublicAward(code: string) {
  const tender = await db.tender.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      status: true,
      announcedAt: true,
      evaluationMethod: true,
      winnerBidId: true,
      reserve1BidId: true,
      reserve2BidId: true,
      paket: { select: { name: true, hps: true, agency: { select: { name: true, timeZone: true } } } },
      procedure: { select: { sanggahDays: true } },
      stages: { where: { kind: "MASA_SANGGAH" }, select: { kind: true, endsAt: true } },
    },
  });
  if (!tender || !ANNOUNCED.includes(tender.status) || tender.announcedAt === null) return null;
  const bids = await db.bid.findMany({ where: { tenderId: tender.id, ...EVALUATED_BIDS }, select: RESULT_BID });
  const results = bids
    .map((b) => toResult(b, roleOf(b.id, tender)))
    // ranked bids first by rank, then the others by name: a stable public order
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.vendorName.localeCompare(b.vendorName, "id"));
  const pick = (id: string | null) => results.find((r) => r.bidId === id) ?? null;
  return {
    tender: {
      code: tender.code,
      name: tender.paket.name,
      agencyName: tender.paket.agency.name,
      timeZone: tender.paket.agency.timeZone,
      hps: tender.paket.hps,
      method: tender.evaluationMethod ?? "HARGA_TERENDAH",
      announcedAt: tender.announcedAt,
      // the masa sanggah the announcement opened; null for a procedure without one
      sanggahEndsAt:
        tender.procedure.sanggahDays > 0
          ? filingWindow(tender.announcedAt, withStageEnds(tender.procedure, tender.stages)).end
          : null,
    },
    winner: pick(tender.winnerBidId),
    reserves: [pick(tender.reserve1BidId), pick(tender.reserve2BidId)].filter((r) => r !== null),
    results,
  };
}

export type PublicAward = NonNullable<Awaited<ReturnType<typeof findPublicAward>>>;
