import "server-only";
import type { Tx } from "@/server/db";
import type { OpenedBid } from "../../domain/opening-record";
import { defectsOf } from "../../domain/opening-rules";
import { checkSealedBid } from "../opening/check-sealed-bid";
import { loadSealedBids, openedBidOf } from "../opening/load-sealed-bids";

/**
 * Opens the price envelope (the price and the HARGA files) of each named bid with the
 * recovered price key, checks it against the bid's receipt, writes openedPrice and
 * Bid.priceOpenedAt and records its defects. Never throws for a bid's content (as the
 * first opening): what cannot be opened is named. The receipt's own validity was judged,
 * and recorded as a defect, at the first opening, so it is not recorded twice.
 */
export async function openPriceEnvelopes(
  tx: Tx,
  priceKey: Buffer,
  bidIds: readonly string[],
  openedAt: Date,
): Promise<OpenedBid[]> {
  if (bidIds.length === 0) return [];
  const sealed = await loadSealedBids(tx, { id: { in: [...bidIds] }, priceOpenedAt: null }, { part: "HARGA" });
  const opened: OpenedBid[] = [];
  for (const id of bidIds) {
    const one = sealed.find((s) => s.bid.id === id);
    if (!one) continue;
    const checked = await checkSealedBid(priceKey, one.bid, one.receipt, "PRICE");
    await tx.bid.update({ where: { id }, data: { openedPrice: checked.price, priceOpenedAt: openedAt } });
    const defects = defectsOf({ ...checked, receiptValid: true });
    await tx.bidDefect.createMany({ data: defects.map((d) => ({ ...d, bidId: id, recordedAt: openedAt })) });
    opened.push(openedBidOf(one, checked));
  }
  return opened;
}
