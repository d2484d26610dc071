import "server-only";
import type { Tx } from "@/server/db";
import { getInstanceKey } from "@/server/instance-key";
import type { OpenedBid } from "../../domain/opening-record";
import { defectsOf } from "../../domain/opening-rules";
import { checkSealedBid, trustedReceipt } from "../opening/check-sealed-bid";
import { receiptKeyFor } from "../receipt-keys";

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
  const bids = await tx.bid.findMany({
    where: { id: { in: [...bidIds] }, status: "SUBMITTED", priceOpenedAt: null },
    select: {
      id: true,
      submittedAt: true,
      sealedPrice: true,
      priceCommitment: true,
      receipt: true,
      receiptSignature: true,
      vendor: { select: { name: true, npwp: true } },
      files: {
        where: { part: "HARGA" },
        orderBy: { uploadedAt: "asc" },
        select: { id: true, part: true, commitment: true, storageKey: true, wrappedKey: true, iv: true, authTag: true },
      },
    },
  });
  const { publicKey } = await getInstanceKey();
  const opened: OpenedBid[] = [];
  for (const id of bidIds) {
    const bid = bids.find((b) => b.id === id);
    if (!bid) continue;
    const receiptKey = await receiptKeyFor({ receipt: bid.receipt }, tx);
    const receipt = trustedReceipt(bid, receiptKey.lpseName === null ? publicKey : receiptKey.publicKey);
    const checked = await checkSealedBid(priceKey, bid, receipt, "PRICE");
    await tx.bid.update({ where: { id: bid.id }, data: { openedPrice: checked.price, priceOpenedAt: openedAt } });
    const defects = defectsOf({ ...checked, receiptValid: true });
    await tx.bidDefect.createMany({ data: defects.map((d) => ({ ...d, bidId: bid.id, recordedAt: openedAt })) });
    opened.push({
      bidId: bid.id,
      vendorName: bid.vendor.name,
      npwp: bid.vendor.npwp,
      submittedAt: bid.submittedAt.toISOString(),
      receiptValid: receipt !== null,
      price: checked.price?.toString() ?? null,
      priceStatus: checked.priceStatus,
      files: checked.files,
    });
  }
  return opened;
}
