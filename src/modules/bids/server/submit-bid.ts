import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/modules/auth/domain/permissions";
import { recordAuditEvent } from "@/modules/audit/server/record-audit-event";
import { toBytes } from "@/modules/sealing/domain/x25519";
import { getInstanceKey } from "@/modules/sealing/server/instance-key";
import { rupiahIssue } from "@/lib/rupiah-schema";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { missingParts } from "../domain/bid-rules";
import { provesPriceSealed, sealPrice } from "../domain/price-seal";
import { signReceipt } from "../domain/receipt";
import { RECEIPT_VERSION, type ReceiptPayload, type SignedReceipt } from "../domain/verify-receipt";
import type { SubmitBidInput } from "../bid.schemas";
import { assertBidWindowOpen, loadBidder, lockBidder } from "./bidder-context";
import { proveFileOpenable } from "./prove-file-openable";

export interface SubmittedBid {
  bidId: string;
  submittedAt: Date;
  signedReceipt: SignedReceipt;
}

async function findByIdempotencyKey(actor: Actor, input: SubmitBidInput, client: Pick<typeof db, "bid"> = db): Promise<SubmittedBid | null> {
  const bid = await client.bid.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, tenderId: true, vendorId: true, submittedAt: true, receipt: true, receiptSignature: true } });
  if (!bid) return null;
  // A key reused for another vendor or tender is a client bug, never someone else's receipt.
  if (bid.vendorId !== actor.vendorId || bid.tenderId !== input.tenderId) throw new AppError("CONFLICT");
  return { bidId: bid.id, submittedAt: bid.submittedAt, signedReceipt: { receipt: bid.receipt as unknown as ReceiptPayload, signature: bid.receiptSignature, algorithm: "Ed25519" } };
}

/**
 * Submits (or replaces) a sealed bid in one transaction. Every file is proven openable
 * and the sealed price too; the deadline is judged by the database clock inside the
 * transaction, after those proofs; only then are the files bound, the previous bid marked
 * REPLACED (kept as history), the bid and its signed receipt stored and the audit event
 * written. The same idempotency key always gives the same bid.
 */
export async function submitBid(actor: Actor, input: SubmitBidInput): Promise<SubmittedBid> {
  // The form's schema says the same; a price out of range is never sealed nor receipted.
  const priceIssue = input.price <= 0n ? "amountPositive" : rupiahIssue(input.price);
  if (priceIssue) throw new AppError("VALIDATION", priceIssue, {}, { price: [priceIssue] });
  const earlier = await findByIdempotencyKey(actor, input);
  if (earlier) return earlier;
  const instanceKey = await getInstanceKey();
  try {
    return await db.$transaction(async (tx) => {
      const bidder = await loadBidder(tx, actor, input.tenderId);
      await lockBidder(tx, input.tenderId, bidder.vendor.id);
      const repeated = await findByIdempotencyKey(actor, input, tx);
      if (repeated) return repeated;
      const { openingPublicKey } = assertBidWindowOpen(bidder, await dbNow(tx), actor.locale);

      const ids = [...new Set(input.files.map((f) => f.id))];
      const files = await tx.bidFile.findMany({
        where: { id: { in: ids }, tenderId: input.tenderId, vendorId: bidder.vendor.id, bidId: null },
        select: { id: true, part: true, commitment: true, sizeBytes: true, storageKey: true, ciphertextSha256: true, wrappedKey: true, iv: true, authTag: true },
        orderBy: [{ part: "asc" }, { uploadedAt: "asc" }],
      });
      if (files.length !== ids.length) throw new AppError("VALIDATION", "bidFilesInvalid");
      const missing = missingParts(files.map((f) => f.part));
      if (missing.length) throw new AppError("VALIDATION", "bidPartsMissing", { parts: missing.join(", ") });
      for (const file of files) {
        const proof = Buffer.from(input.files.find((f) => f.id === file.id)!.openProof, "base64");
        if (!(await proveFileOpenable(file, openingPublicKey, proof))) throw new AppError("VALIDATION", "bidFileNotOpenable", { fileName: file.part });
      }
      const sealed = sealPrice(openingPublicKey, input.price);
      if (!provesPriceSealed(sealed.ephemeralPrivateKey, openingPublicKey, sealed.sealedPrice, input.price, sealed.priceCommitment)) throw new Error("sealed price does not open");
      sealed.ephemeralPrivateKey.fill(0);

      // The moment that counts: after the proofs, by the database clock, inside this transaction.
      const submittedAt = await dbNow(tx);
      assertBidWindowOpen(bidder, submittedAt, actor.locale);

      const bidId = randomUUID();
      const receipt: ReceiptPayload = {
        version: RECEIPT_VERSION,
        bidId,
        tenderCode: bidder.tender.code,
        vendorNpwp: bidder.vendor.npwp,
        submittedAt: submittedAt.toISOString(),
        // commitments only: names, sizes and content stay sealed until the opening
        files: files.map((f) => ({ part: f.part, commitment: f.commitment })),
        priceCommitment: sealed.priceCommitment,
        instanceKeyFingerprint: instanceKey.fingerprint,
      };
      const signed = signReceipt(receipt, instanceKey.privateKey);
      const previous = await tx.bid.findFirst({ where: { tenderId: input.tenderId, vendorId: bidder.vendor.id, status: "SUBMITTED" }, select: { id: true } });
      await tx.bid.create({
        data: {
          id: bidId, tenderId: input.tenderId, vendorId: bidder.vendor.id, submittedById: actor.userId, idempotencyKey: input.idempotencyKey,
          sealedPrice: toBytes(sealed.sealedPrice), priceCommitment: sealed.priceCommitment, submittedAt, receipt: receipt as unknown as Prisma.InputJsonObject, receiptSignature: signed.signature,
        },
      });
      const bound = await tx.bidFile.updateMany({ where: { id: { in: ids }, bidId: null }, data: { bidId } });
      if (bound.count !== ids.length) throw new AppError("CONFLICT");
      if (previous) await tx.bid.update({ where: { id: previous.id }, data: { status: "REPLACED", replacedById: bidId } });
      await recordAuditEvent(tx, {
        actor,
        action: "bid.submitted",
        entityType: "Bid",
        entityId: bidId,
        // commitments only: never the price, a key, a file name or any content
        data: { tenderId: input.tenderId, tenderCode: bidder.tender.code, vendorId: bidder.vendor.id, submittedAt: receipt.submittedAt, priceCommitment: sealed.priceCommitment, files: receipt.files, replacedBidId: previous?.id ?? null, receiptSignature: signed.signature },
      });
      return { bidId, submittedAt, signedReceipt: signed };
    }, { timeout: 120_000, maxWait: 60_000 });
  } catch (error) {
    // Another request with the same key won the race: answer with its bid.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findByIdempotencyKey(actor, input);
      if (winner) return winner;
    }
    throw error;
  }
}
