import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { loadBidder, lockBidder } from "./bidder-context";
import { removeSealed } from "./sealed-file-store";

/** Removes a staged (not yet submitted) file of the vendor. Files of a bid are never removed. */
export async function discardStagedFile(actor: Actor, input: { fileId: string }) {
  const file = await db.bidFile.findUnique({
    where: { id: input.fileId },
    select: { id: true, tenderId: true, vendorId: true, bidId: true, storageKey: true, part: true, commitment: true },
  });
  if (!file || file.vendorId !== actor.vendorId) throw new AppError("NOT_FOUND");
  const bidder = await loadBidder(db, actor, file.tenderId);
  await db.$transaction(async (tx) => {
    await lockBidder(tx, file.tenderId, bidder.vendor.id);
    const removed = await tx.bidFile.deleteMany({ where: { id: file.id, bidId: null } });
    if (removed.count !== 1) throw new AppError("INVALID_STATE", "bidFileAlreadySubmitted");
    await recordAuditEvent(tx, {
      actor,
      action: "bid.fileDiscarded",
      entityType: "BidFile",
      entityId: file.id,
      data: { tenderId: file.tenderId, part: file.part, commitment: file.commitment },
    });
  });
  // After the commit: a crash here leaves an orphan ciphertext, never a row without its file.
  await removeSealed(file.storageKey);
  return { id: file.id };
}
