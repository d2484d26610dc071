import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { DOCUMENT_TYPES } from "@/modules/documents/domain";
import { isWithin } from "@/modules/tenders/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ReceiptPayload, SignedReceipt } from "../domain/verify-receipt";
import { loadBidder } from "./bidder-context";

const toSigned = (bid: { receipt: unknown; receiptSignature: string }): SignedReceipt => ({
  receipt: bid.receipt as ReceiptPayload,
  signature: bid.receiptSignature,
  algorithm: "Ed25519",
});

/** What the vendor's bid page shows: the window, staged files, the current bid and its history. Never a key. */
export async function getVendorBidView(actor: Actor, tenderId: string) {
  const bidder = await loadBidder(db, actor, tenderId);
  const now = await dbNow();
  const [staged, bids, end] = await Promise.all([
    db.bidFile.findMany({
      where: { tenderId, vendorId: bidder.vendor.id, bidId: null },
      orderBy: { uploadedAt: "asc" },
      select: { id: true, part: true, commitment: true, sizeBytes: true, mimeType: true, uploadedAt: true },
    }),
    db.bid.findMany({
      where: { tenderId, vendorId: bidder.vendor.id },
      orderBy: { submittedAt: "desc" },
      select: { id: true, status: true, submittedAt: true, withdrawnAt: true, receipt: true, receiptSignature: true },
    }),
    db.tender.findUniqueOrThrow({
      where: { id: tenderId },
      select: { endReason: true, failedAt: true, cancelledAt: true },
    }),
  ]);
  const { status } = bidder.tender;
  const stage = bidder.uploadStage;
  const acceptsBids = bidder.tender.status === "PUBLISHED" && bidder.openingPublicKey !== null;
  return {
    tender: bidder.tender,
    uploadStartsAt: stage?.startsAt ?? null,
    deadline: stage?.endsAt ?? null,
    isOpen: acceptsBids && stage !== null && isWithin(stage, now),
    /** the tender takes bids in its upload window: the page counts down to it by `now` */
    acceptsBids,
    /** a failed or cancelled tender: the bidder is told why and since when, first */
    ended:
      status === "FAILED" || status === "CANCELLED"
        ? { status, endReason: end.endReason, endedAt: end.cancelledAt ?? end.failedAt }
        : null,
    now,
    // what any device can show of a staged file: its name is sealed (decision 0005)
    staged: staged.map(({ mimeType, ...f }) => ({
      ...f,
      type: DOCUMENT_TYPES[mimeType]?.toUpperCase() ?? mimeType,
      sizeBytes: Number(f.sizeBytes),
    })),
    bids: bids.map((b) => ({
      id: b.id,
      status: b.status,
      submittedAt: b.submittedAt,
      withdrawnAt: b.withdrawnAt,
      signedReceipt: toSigned(b),
    })),
  };
}

/** The signed receipt of one of the vendor's own bids, for download. */
export async function getBidReceipt(actor: Actor, bidId: string): Promise<SignedReceipt> {
  if (!actor.vendorId) throw new AppError("NOT_FOUND");
  const bid = await db.bid.findFirst({
    where: { id: bidId, vendorId: actor.vendorId },
    select: { receipt: true, receiptSignature: true },
  });
  if (!bid) throw new AppError("NOT_FOUND");
  return toSigned(bid);
}
