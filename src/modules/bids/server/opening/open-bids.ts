import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { combineShares } from "../../domain/shamir";
import { decodePublicKey, publicKeyOf } from "../../domain/x25519";
import { db, dbNow, type Tx } from "@/server/db";
import { storeGeneratedPdf } from "@/server/pdf";
import { openedKeyContext, shareContext } from "../../domain/at-rest-cipher";
import type { OpenedBid, OpeningRecord } from "../../domain/opening-record";
import { decideOpeningOutcome, defectsOf, openingRefusal } from "../../domain/opening-rules";
import { unwrapAtRest, wrapAtRest } from "./at-rest-key";
import { renderBeritaAcara } from "./berita-acara";
import { getInstanceKey } from "@/server/instance-key";
import { applyTenderEvent } from "@/modules/tenders";
import { getLpseLetterhead } from "@/modules/lpse";
import { evaluateTenderCepat } from "@/modules/evaluation";
import { checkSealedBid, trustedReceipt } from "./check-sealed-bid";
import { openQualification } from "./open-qualification";
import { receiptKeyFor } from "../receipt-keys";
import { OPENING_TENDER_SELECT, openingStateOf, type OpeningTender } from "./opening-state";

// Decrypting every file of every bid can take a while (100 MB a bid); the tender row
// stays locked meanwhile so the opening runs exactly once.
const OPENING_TIMEOUT_MS = 10 * 60_000;

/** The private key from the first k approvals' shares, proven against the public key. */
async function recoverKey(
  tender: OpeningTender,
  approvals: { userId: string; wrappedShare: Uint8Array | null }[],
): Promise<Buffer> {
  const shares = await Promise.all(
    approvals.map((a) => unwrapAtRest(a.wrappedShare!, shareContext(tender.id, a.userId))),
  );
  try {
    const key = await combineShares(shares);
    if (!publicKeyOf(key).equals(decodePublicKey(tender.openingKey!.publicKey)))
      throw new Error("recombined opening key does not match the tender's public key");
    return key;
  } finally {
    shares.forEach((s) => s.fill(0));
  }
}

async function openAll(tx: Tx, tender: OpeningTender, privateKey: Buffer | null): Promise<OpenedBid[]> {
  const bids = await tx.bid.findMany({
    where: { tenderId: tender.id, status: "SUBMITTED" },
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
        orderBy: [{ part: "asc" }, { uploadedAt: "asc" }],
        select: { id: true, part: true, commitment: true, storageKey: true, wrappedKey: true, iv: true, authTag: true },
      },
    },
  });
  const { publicKey } = await getInstanceKey();
  const opened: OpenedBid[] = [];
  for (const bid of bids) {
    // a bid of a tender moved here was signed by its source LPSE's key (TrustedInstanceKey)
    const receiptKey = await receiptKeyFor({ receipt: bid.receipt }, tx);
    const receipt = trustedReceipt(bid, receiptKey.lpseName === null ? publicKey : receiptKey.publicKey);
    const base = {
      bidId: bid.id,
      vendorName: bid.vendor.name,
      npwp: bid.vendor.npwp,
      submittedAt: bid.submittedAt.toISOString(),
      receiptValid: receipt !== null,
    };
    if (!privateKey) {
      const files = bid.files.map((f) => ({
        fileId: f.id,
        part: f.part,
        commitment: f.commitment,
        fileName: null,
        sizeBytes: null,
        salt: null,
        status: "NOT_OPENED" as const,
      }));
      opened.push({ ...base, price: null, priceStatus: "NOT_OPENED", files });
      continue;
    }
    // checkSealedBid never throws, and a price it returns is within the rupiah ceiling
    // (which the column's CHECK holds too), so no bid's content can abort this transaction.
    // Two envelopes: the price and the HARGA files stay sealed to the price key (decision 0042).
    const checked = await checkSealedBid(privateKey, bid, receipt, tender.priceKey ? "OPENING" : "ALL");
    if (checked.price !== null) await tx.bid.update({ where: { id: bid.id }, data: { openedPrice: checked.price } });
    await openQualification(tx, privateKey, bid.id, receipt); // issue 15, helper C: the sealed qualification form
    opened.push({
      ...base,
      price: checked.price?.toString() ?? null,
      priceStatus: checked.priceStatus,
      files: checked.files,
    });
  }
  return opened;
}

/**
 * The opening, once k members have approved: under the tender's row lock, and only if it
 * has not happened yet (a second caller finds openedAt set and does nothing). Every
 * SUBMITTED bid is opened and checked against its receipt, the results and the Berita
 * Acara are stored, the shares kept for the approval are deleted and the opened key is
 * kept, wrapped at rest, for the evaluation. Too few bids fail the tender and leave the
 * bids sealed: their prices are no one's business in a tender ulang.
 */
export async function openBids(tenderId: string, actor: Actor | null): Promise<{ opened: boolean }> {
  const held: { key: Buffer | null; discard: (() => Promise<void>) | null } = { key: null, discard: null };
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
        const tender = await tx.tender.findUniqueOrThrow({ where: { id: tenderId }, select: OPENING_TENDER_SELECT });
        if (openingRefusal(openingStateOf(tender), await dbNow(tx))) return { opened: false };
        const threshold = tender.openingKey!.threshold;
        const approvals = await tx.openingApproval.findMany({
          where: { tenderId, wrappedShare: { not: null } },
          orderBy: { approvedAt: "asc" },
          select: { userId: true, approvedAt: true, wrappedShare: true },
        });
        if (approvals.length < threshold) return { opened: false };

        const bidCount = await tx.bid.count({ where: { tenderId, status: "SUBMITTED" } });
        const outcome = decideOpeningOutcome(bidCount, tender.procedure.minBids, tender.procedure.name);
        held.key = await recoverKey(tender, approvals.slice(0, threshold));
        const bids = await openAll(tx, tender, outcome.failed ? null : held.key);
        const openedAt = await dbNow(tx);
        await tx.bidDefect.createMany({
          data: bids.flatMap((bid) => defectsOf(bid).map((d) => ({ ...d, bidId: bid.bidId, recordedAt: openedAt }))),
        });
        const users = await tx.user.findMany({
          where: { id: { in: approvals.map((a) => a.userId) } },
          select: { id: true, name: true },
        });
        const record: OpeningRecord = {
          lpseName: tender.paket.agency.lpse.name,
          tenderCode: tender.code,
          paketName: tender.paket.name,
          agencyName: tender.paket.agency.name,
          procedureName: tender.procedure.name,
          hps: tender.paket.hps?.toString() ?? null,
          timeZone: tender.paket.agency.timeZone,
          deadline: openingStateOf(tender).deadline!.toISOString(),
          openedAt: openedAt.toISOString(),
          threshold,
          shareholders: await tx.tenderKeyShare.count({ where: { tenderId } }),
          approvers: approvals.map((a) => ({
            userId: a.userId,
            name: users.find((u) => u.id === a.userId)?.name ?? a.userId,
            approvedAt: a.approvedAt.toISOString(),
          })),
          bids,
          failure: outcome.failed ? { kind: outcome.kind, endReason: outcome.endReason } : null,
        };
        const pdf = await renderBeritaAcara(record, await getLpseLetterhead(tx));
        const ba = await storeGeneratedPdf(tx, {
          kind: "BERITA_ACARA",
          fileName: `BA-Pembukaan-${tender.code}.pdf`,
          bytes: pdf,
          tenderId,
          isPublic: false,
          uploadedById: actor?.userId,
        });
        held.discard = ba.discard;

        if (!outcome.failed)
          await tx.tender.update({
            where: { id: tenderId },
            data: { openedKeyWrapped: await wrapAtRest(held.key, openedKeyContext(tenderId)) },
          });
        await tx.openingApproval.updateMany({ where: { tenderId }, data: { wrappedShare: null } });
        // Audit last: the chain lock is held until commit, so the slow part above runs without it.
        // Prices are in the record: they are read out to the participants at the opening anyway.
        await applyTenderEvent(
          tx,
          tenderId,
          { kind: "opened" },
          {
            actor,
            now: openedAt,
            audit: { ...record, beritaAcara: { documentId: ba.document.id, sha256: ba.document.sha256 } },
          },
        );
        if (outcome.failed) {
          const failed = { kind: "failed", failureKind: outcome.kind, endReason: outcome.endReason } as const;
          await applyTenderEvent(tx, tenderId, failed, {
            actor,
            now: openedAt,
            audit: { code: tender.code, bidCount },
          });
        }
        // Tender Cepat: the system evaluates at once (qualification from the verified profile, price only).
        if (!outcome.failed) await evaluateTenderCepat(tx, tenderId, openedAt, actor);
        return { opened: true };
      },
      { timeout: OPENING_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    await held.discard?.().catch(() => {});
    throw error;
  } finally {
    held.key?.fill(0);
  }
}
