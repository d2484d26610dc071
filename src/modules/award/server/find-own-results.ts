import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { RESULT_BID, roleOf, toResult } from "@/modules/evaluation";

/**
 * A bidder's own evaluation result: only for the PENYEDIA users of a vendor that took part
 * (registered or bid). Before the announcement it says only that the result is not out:
 * decisions are the Pokja's working papers until then.
 */
export async function findOwnResults(actor: Actor, tenderId: string) {
  if (!can(actor, "bid.submit") || !actor.vendorId) throw new AppError("NOT_FOUND");
  const vendorId = actor.vendorId;
  const tender = await db.tender.findUnique({
    where: { id: tenderId },
    select: {
      id: true,
      code: true,
      status: true,
      announcedAt: true,
      winnerBidId: true,
      reserve1BidId: true,
      reserve2BidId: true,
      paket: { select: { name: true, hps: true, agency: { select: { timeZone: true } } } },
      participants: { where: { vendorId }, select: { vendorId: true } },
      bids: { where: { vendorId, status: "SUBMITTED" }, select: { id: true } },
    },
  });
  if (!tender || tender.status === "DRAFT" || (tender.participants.length === 0 && tender.bids.length === 0))
    throw new AppError("NOT_FOUND");
  const head = {
    id: tender.id,
    code: tender.code,
    name: tender.paket.name,
    hps: tender.paket.hps,
    timeZone: tender.paket.agency.timeZone,
    announcedAt: tender.announcedAt,
  };
  const isAnnounced = tender.announcedAt !== null && (tender.status === "AWARDED" || tender.status === "COMPLETED");
  if (!isAnnounced) return { tender: head, isAnnounced: false as const, result: null };
  const bid = await db.bid.findFirst({ where: { tenderId, vendorId, status: "SUBMITTED" }, select: RESULT_BID });
  return { tender: head, isAnnounced: true as const, result: bid ? toResult(bid, roleOf(bid.id, tender)) : null };
}
