import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertBidWindowOpen, loadBidder, lockBidder } from "./bidder-context";

/**
 * Withdraws the vendor's current bid before the deadline (database clock, inside the
 * transaction). The bid and its files stay, marked WITHDRAWN: history is never deleted.
 * To change a bid the vendor submits again, which replaces it.
 */
export async function withdrawBid(actor: Actor, input: { tenderId: string }) {
  return db.$transaction(async (tx) => {
    const bidder = await loadBidder(tx, actor, input.tenderId);
    await lockBidder(tx, input.tenderId, bidder.vendor.id);
    const now = await dbNow(tx);
    assertBidWindowOpen(bidder, now, actor.locale);
    const bid = await tx.bid.findFirst({
      where: { tenderId: input.tenderId, vendorId: bidder.vendor.id, status: "SUBMITTED" },
      select: { id: true, priceCommitment: true },
    });
    if (!bid) throw new AppError("INVALID_STATE", "bidNothingToWithdraw");
    await tx.bid.update({ where: { id: bid.id }, data: { status: "WITHDRAWN", withdrawnAt: now } });
    await recordAuditEvent(tx, {
      actor,
      action: "bid.withdrawn",
      entityType: "Bid",
      entityId: bid.id,
      data: {
        tenderId: input.tenderId,
        tenderCode: bidder.tender.code,
        vendorId: bidder.vendor.id,
        withdrawnAt: now.toISOString(),
        priceCommitment: bid.priceCommitment,
      },
    });
    return { bidId: bid.id, withdrawnAt: now };
  });
}
