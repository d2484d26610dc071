import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { toBytes } from "../domain/x25519";
import { getInstanceKey } from "@/server/instance-key";
import { rupiahIssue } from "@/lib/rupiah-schema";
import { formatInZone } from "@/lib/time";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { provesPriceSealed, sealPrice } from "../domain/price-seal";
import { bidsSettledAt, SUBMIT_GRACE_MS } from "../domain/bid-rules";
import { signReceipt } from "../domain/receipt";
import { RECEIPT_VERSION, type ReceiptPayload, type SignedReceipt } from "../domain/verify-receipt";
import type { SubmitBidInput } from "../bid.schemas";
import { receivedInDbTime } from "@/server/received-at";
import { assertQualifiedForTenderCepat } from "@/modules/tenders";
import { assertNotBlacklisted } from "@/modules/blacklist";
import { assertBidWindowOpen, loadBidder, lockBidder, sealingKeyFor } from "./bidder-context";
import { assertRowsProven, assertStoreUnchanged, findStagedFiles } from "./check-staged-files";
import { confirmInBackup } from "@/modules/backup";
import { sealedKey } from "./sealed-file-store";
import { assertRequiredParts, loadBidContentRules, sealBidQualification } from "./bid-qualification";

export interface SubmittedBid {
  bidId: string;
  /** when the submit request arrived: the instant the deadline is judged on (decision 0020) */
  receivedAt: Date | null;
  submittedAt: Date;
  signedReceipt: SignedReceipt;
}

async function findByIdempotencyKey(
  actor: Actor,
  input: SubmitBidInput,
  client: Pick<typeof db, "bid"> = db,
): Promise<SubmittedBid | null> {
  const bid = await client.bid.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    select: {
      id: true,
      tenderId: true,
      vendorId: true,
      receivedAt: true,
      submittedAt: true,
      receipt: true,
      receiptSignature: true,
    },
  });
  if (!bid) return null;
  // A key reused for another vendor or tender is a client bug, never someone else's receipt.
  if (bid.vendorId !== actor.vendorId || bid.tenderId !== input.tenderId) throw new AppError("CONFLICT");
  return {
    bidId: bid.id,
    receivedAt: bid.receivedAt,
    submittedAt: bid.submittedAt,
    signedReceipt: {
      receipt: bid.receipt as unknown as ReceiptPayload,
      signature: bid.receiptSignature,
      algorithm: "Ed25519",
    },
  };
}

/**
 * Submits (or replaces) a sealed bid. The bid counts as received when its request
 * arrived (`arrivalMark`, performance.now() at arrival: decision 0020), and the deadline
 * is judged on that instant by the database clock, however long the request then queued,
 * as long as it is recorded before the bids are counted (bidsSettledAt: SUBMIT_GRACE_MS
 * after the deadline); the tender's row, held FOR KEY SHARE from before that check until
 * commit, keeps the worker and the opening from counting without it.
 * No secret comes from the browser: each staged file was proven openable at upload and
 * its row carries a MAC of that proof (decision 0005), so the files' rows are checked
 * against their MACs and their ciphertext read back and hashed, the slow part, before the
 * transaction; inside it, under the vendor-and-tender lock, the price is sealed and proven,
 * the files bound, the previous bid marked REPLACED (kept as history), the bid and its
 * signed receipt stored and the audit event written. The same idempotency key always
 * gives the same bid.
 */
export async function submitBid(
  actor: Actor,
  input: SubmitBidInput,
  arrivalMark = performance.now(),
): Promise<SubmittedBid> {
  // The form's schema says the same; a price out of range is never sealed nor receipted.
  const priceIssue = input.price <= 0n ? "amountPositive" : rupiahIssue(input.price);
  if (priceIssue) throw new AppError("VALIDATION", priceIssue, {}, { price: [priceIssue] });
  // The pakta integritas is part of every bid (Perpres 16/2018 Pasal 7): none, no bid.
  if (input.integrityPact !== true)
    throw new AppError("VALIDATION", "integrityPactRequired", {}, { integrityPact: ["integrityPactRequired"] });
  const earlier = await findByIdempotencyKey(actor, input);
  if (earlier) return earlier;
  const instanceKey = await getInstanceKey();
  const ids = [...new Set(input.files.map((f) => f.id))];
  const before = await loadBidder(db, actor, input.tenderId);
  const checked = await findStagedFiles(db, before, ids).catch(async (error: unknown) => {
    // The same submission, sent twice at once: the other one has just bound these files.
    if (await findByIdempotencyKey(actor, input)) return null;
    throw error;
  });
  if (!checked) return (await findByIdempotencyKey(actor, input))!;
  await assertRowsProven(checked, before, actor.locale);
  await assertStoreUnchanged(checked, before, actor.locale);
  let submitted: { bid: SubmittedBid; storeKeys: string[] | null };
  try {
    submitted = await db.$transaction(
      async (tx) => {
        await lockBidder(tx, input.tenderId, before.vendor.id);
        // Held until commit: the opening (which locks the tender FOR UPDATE) waits for this
        // bid, or this bid sees the tender opened and is refused.
        const [tender] = await tx.$queryRaw<
          { openedAt: Date | null }[]
        >`SELECT "openedAt" FROM "Tender" WHERE id = ${input.tenderId}::uuid FOR KEY SHARE`;
        const bidder = await loadBidder(tx, actor, input.tenderId);
        const repeated = await findByIdempotencyKey(actor, input, tx);
        if (repeated) return { bid: repeated, storeKeys: null };
        const { receivedAt, now: submittedAt } = await receivedInDbTime(tx, arrivalMark);
        if (tender?.openedAt) throw new AppError("INVALID_STATE", "bidTenderNotOpen");
        // On time but not recorded within the grace: the worker and the opening count the
        // bids from then on (decision 0020), so it is refused, however early it arrived.
        const deadline = bidder.uploadStage?.endsAt;
        if (deadline && receivedAt < deadline && submittedAt >= bidsSettledAt(deadline)) {
          throw new AppError("INVALID_STATE", "bidNotRecordedInGrace", {
            deadline: formatInZone(deadline, bidder.tender.timeZone, actor.locale),
            minutes: SUBMIT_GRACE_MS / 60_000,
          });
        }
        const { keys } = assertBidWindowOpen(bidder, receivedAt, actor.locale);
        const priceKey = sealingKeyFor(keys, "PRICE");
        // Tender Cepat: the profile may have changed since registering (an expired permit counts no more).
        await assertQualifiedForTenderCepat(tx, input.tenderId, bidder.vendor.id, submittedAt);
        // daftar hitam: refused even when it registered before the sanction (Perpres 16/2018 Pasal 78)
        await assertNotBlacklisted(tx, bidder.vendor.id, "participate", actor.locale);

        // The rows bound are the ones checked above, still as proven.
        const files = await findStagedFiles(tx, bidder, ids);
        await assertRowsProven(files, bidder, actor.locale);
        const asChecked = (f: (typeof files)[number]) =>
          checked.some(
            (c) => c.id === f.id && c.storageKey === f.storageKey && c.ciphertextSha256 === f.ciphertextSha256,
          );
        if (!files.every(asChecked)) throw new AppError("CONFLICT");
        const rules = await loadBidContentRules(tx, input.tenderId);
        assertRequiredParts(
          rules.requiredParts,
          files.map((f) => f.part),
        );
        const qualification = await sealBidQualification(
          tx,
          bidder.vendor.id,
          rules.requirements,
          input.qualification,
          sealingKeyFor(keys, "QUALIFICATION"),
        );
        const sealed = sealPrice(priceKey, input.price);
        if (
          !provesPriceSealed(
            sealed.ephemeralPrivateKey,
            priceKey,
            sealed.sealedPrice,
            input.price,
            sealed.priceCommitment,
          )
        )
          throw new Error("sealed price does not open");
        sealed.ephemeralPrivateKey.fill(0);

        const bidId = randomUUID();
        const receipt: ReceiptPayload = {
          version: RECEIPT_VERSION,
          bidId,
          tenderCode: bidder.tender.code,
          vendorNpwp: bidder.vendor.npwp,
          receivedAt: receivedAt.toISOString(),
          submittedAt: submittedAt.toISOString(),
          // commitments only: names, sizes and content stay sealed until the opening
          files: files.map((f) => ({ part: f.part, commitment: f.commitment })),
          priceCommitment: sealed.priceCommitment,
          // accepted with this request: stamped by the database clock, never by the browser
          integrityPactAcceptedAt: submittedAt.toISOString(),
          qualificationCommitment: qualification?.qualificationCommitment,
          instanceKeyFingerprint: instanceKey.fingerprint,
        };
        const signed = signReceipt(receipt, instanceKey.privateKey);
        const previous = await tx.bid.findFirst({
          where: { tenderId: input.tenderId, vendorId: bidder.vendor.id, status: "SUBMITTED" },
          select: { id: true },
        });
        // the standing bid steps aside first: PostgreSQL keeps one SUBMITTED bid per vendor
        // and tender (Bid_one_submitted_per_vendor), and points it at its successor below
        if (previous) await tx.bid.update({ where: { id: previous.id }, data: { status: "REPLACED" } });
        await tx.bid.create({
          data: {
            id: bidId,
            tenderId: input.tenderId,
            vendorId: bidder.vendor.id,
            submittedById: actor.userId,
            idempotencyKey: input.idempotencyKey,
            sealedPrice: toBytes(sealed.sealedPrice),
            priceCommitment: sealed.priceCommitment,
            receivedAt,
            submittedAt,
            receipt: receipt as unknown as Prisma.InputJsonObject,
            receiptSignature: signed.signature,
            integrityPactAt: submittedAt,
            sealedQualification: qualification?.sealedQualification ?? null,
            qualificationCommitment: qualification?.qualificationCommitment ?? null,
          },
        });
        const bound = await tx.bidFile.updateMany({ where: { id: { in: ids }, bidId: null }, data: { bidId } });
        if (bound.count !== ids.length) throw new AppError("CONFLICT");
        if (previous) await tx.bid.update({ where: { id: previous.id }, data: { replacedById: bidId } });
        await recordAuditEvent(tx, {
          actor,
          action: "bid.submitted",
          entityType: "Bid",
          entityId: bidId,
          // commitments only: never the price, a key, a file name or any content
          data: {
            tenderId: input.tenderId,
            tenderCode: bidder.tender.code,
            vendorId: bidder.vendor.id,
            receivedAt: receipt.receivedAt,
            submittedAt: receipt.submittedAt,
            priceCommitment: sealed.priceCommitment,
            qualificationCommitment: receipt.qualificationCommitment ?? null,
            integrityPactAcceptedAt: receipt.integrityPactAcceptedAt,
            files: receipt.files,
            replacedBidId: previous?.id ?? null,
            receiptSignature: signed.signature,
          },
        });
        return {
          bid: { bidId, receivedAt, submittedAt, signedReceipt: signed },
          storeKeys: files.map((f) => sealedKey(f.storageKey)),
        };
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    // Another request with the same key won the race: answer with its bid.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findByIdempotencyKey(actor, input);
      if (winner) return winner;
    }
    throw error;
  }
  // Committed: the acknowledgement waits until the bid's files and the WAL holding it are in
  // the backup (docs/decisions/0039), bounded, and never fails the bid.
  if (submitted.storeKeys) await confirmInBackup({ storeKeys: submitted.storeKeys });
  return submitted.bid;
}
