import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { getInstanceKey } from "@/server/instance-key";
import type { OpenedBid } from "../../domain/opening-record";
import { receiptKeyFor } from "../receipt-keys";
import { trustedReceipt, type CheckedBid } from "./check-sealed-bid";

/**
 * The SUBMITTED bids an opening opens (`where`), earliest first, with the files it opens
 * (`files`) and each bid's receipt if it carries a valid signature: the instance's, or for a
 * bid of a tender moved here its source LPSE's (TrustedInstanceKey).
 */
export async function loadSealedBids(tx: Tx, where: Prisma.BidWhereInput, files: Prisma.BidFileWhereInput = {}) {
  const bids = await tx.bid.findMany({
    where: { ...where, status: "SUBMITTED" },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      submittedAt: true,
      sealedPrice: true,
      priceCommitment: true,
      receipt: true,
      receiptSignature: true,
      vendor: { select: { name: true, npwp: true } },
      files: {
        where: files,
        orderBy: [{ part: "asc" }, { uploadedAt: "asc" }],
        select: { id: true, part: true, commitment: true, storageKey: true, wrappedKey: true, iv: true, authTag: true },
      },
    },
  });
  const { publicKey } = await getInstanceKey();
  const loaded = [];
  for (const bid of bids) {
    const receiptKey = await receiptKeyFor({ receipt: bid.receipt }, tx);
    const receipt = trustedReceipt(bid, receiptKey.lpseName === null ? publicKey : receiptKey.publicKey);
    loaded.push({ bid, receipt });
  }
  return loaded;
}

export type SealedBid = Awaited<ReturnType<typeof loadSealedBids>>[number];

/** What the record says of one bid an opening opened (or named and left sealed). */
export function openedBidOf({ bid, receipt }: SealedBid, checked: CheckedBid): OpenedBid {
  return {
    bidId: bid.id,
    vendorName: bid.vendor.name,
    npwp: bid.vendor.npwp,
    submittedAt: bid.submittedAt.toISOString(),
    receiptValid: receipt !== null,
    price: checked.price?.toString() ?? null,
    priceStatus: checked.priceStatus,
    files: checked.files,
  };
}
