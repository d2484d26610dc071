import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { applyTenderEvent } from "@/modules/tenders";
import { getLpseLetterhead } from "@/modules/lpse";
import { db, dbNow, type Tx } from "@/server/db";
import { storeGeneratedPdf } from "@/server/pdf";
import { priceKeyContext, priceShareContext } from "../../domain/at-rest-cipher";
import { combineShares } from "../../domain/shamir";
import { decodePublicKey, publicKeyOf } from "../../domain/x25519";
import type { OpenedBid, PriceOpeningRecord } from "../../domain/opening-record";
import { bidsWhosePriceOpens, priceOpeningRefusal } from "../../domain/price-envelope";
import { unwrapAtRest, wrapAtRest } from "../opening/at-rest-key";
import { openPriceEnvelopes } from "./open-price-envelopes";
import { renderPriceBeritaAcara } from "./price-berita-acara";
import {
  passingGradeOf,
  PRICE_OPENING_SELECT,
  priceOpeningStateOf,
  technicalResults,
  type PriceOpeningTender,
} from "./price-opening-state";

const PRICE_OPENING_TIMEOUT_MS = 10 * 60_000;

/** The price key from k approvals' shares, proven against the tender's price public key. */
async function recoverPriceKey(
  tender: PriceOpeningTender,
  approvals: { userId: string; wrappedShare: Uint8Array | null }[],
): Promise<Buffer> {
  const shares = await Promise.all(
    approvals.map((a) => unwrapAtRest(a.wrappedShare!, priceShareContext(tender.id, a.userId))),
  );
  try {
    const key = await combineShares(shares);
    if (!publicKeyOf(key).equals(decodePublicKey(tender.priceKey!.publicKey)))
      throw new Error("recombined price key does not match the tender's price public key");
    return key;
  } finally {
    shares.forEach((s) => s.fill(0));
  }
}

async function recordOf(
  tx: Tx,
  tender: PriceOpeningTender,
  approvals: { userId: string; approvedAt: Date }[],
  opened: OpenedBid[],
  sealedIds: string[],
  openedAt: Date,
): Promise<PriceOpeningRecord> {
  const [users, sealed, shareholders] = await Promise.all([
    tx.user.findMany({ where: { id: { in: approvals.map((a) => a.userId) } }, select: { id: true, name: true } }),
    tx.bid.findMany({ where: { id: { in: sealedIds } }, select: { id: true, vendor: { select: { name: true } } } }),
    tx.tenderPriceKeyShare.count({ where: { tenderId: tender.id } }),
  ]);
  return {
    lpseName: tender.paket.agency.lpse.name,
    tenderCode: tender.code,
    paketName: tender.paket.name,
    agencyName: tender.paket.agency.name,
    procedureName: tender.procedure.name,
    hps: tender.paket.hps?.toString() ?? null,
    timeZone: tender.paket.agency.timeZone,
    openedAt: openedAt.toISOString(),
    evaluationMethod: tender.evaluationMethod ?? "-",
    passingGrade: passingGradeOf(tender),
    threshold: tender.priceKey!.threshold,
    shareholders,
    approvers: approvals.map((a) => ({
      userId: a.userId,
      name: users.find((u) => u.id === a.userId)?.name ?? a.userId,
      approvedAt: a.approvedAt.toISOString(),
    })),
    bids: opened,
    sealed: sealed.map((b) => ({ bidId: b.id, vendorName: b.vendor.name })),
  };
}

/**
 * The price opening, once k members approved: under the tender's row lock, once. Opens the
 * price envelopes (price and HARGA files) of the bids the pure rule names (passed the
 * technical evaluation; for KUALITAS the first-ranked only); every other price stays
 * sealed. Writes openedPrice and Bid.priceOpenedAt, the Berita Acara Pembukaan Harga, the
 * lifecycle's `priceOpened` event, then keeps the price key wrapped at rest (after the
 * event: the CHECK allows it only once priceOpenedAt is set) for the Pokja to read the
 * HARGA files and for openNextPrice (decision 0042); the approvals' shares are dropped.
 */
export async function openPrices(tenderId: string, actor: Actor | null): Promise<{ opened: boolean }> {
  const held: { key: Buffer | null; discard: (() => Promise<void>) | null } = { key: null, discard: null };
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
        const tender = await tx.tender.findUniqueOrThrow({ where: { id: tenderId }, select: PRICE_OPENING_SELECT });
        const results = await technicalResults(tx, tenderId);
        if (priceOpeningRefusal(priceOpeningStateOf(tender, results), await dbNow(tx))) return { opened: false };
        const threshold = tender.priceKey!.threshold;
        const approvals = await tx.priceOpeningApproval.findMany({
          where: { tenderId, wrappedShare: { not: null } },
          orderBy: { approvedAt: "asc" },
          select: { userId: true, approvedAt: true, wrappedShare: true },
        });
        if (approvals.length < threshold) return { opened: false };

        held.key = await recoverPriceKey(tender, approvals.slice(0, threshold));
        const chosen = bidsWhosePriceOpens(results, passingGradeOf(tender), tender.evaluationMethod);
        const openedAt = await dbNow(tx);
        const opened = await openPriceEnvelopes(tx, held.key, chosen, openedAt);
        const sealedIds = results.map((r) => r.bidId).filter((id) => !chosen.includes(id));
        const record = await recordOf(tx, tender, approvals, opened, sealedIds, openedAt);
        const pdf = await renderPriceBeritaAcara(record, await getLpseLetterhead(tx));
        const ba = await storeGeneratedPdf(tx, {
          kind: "BERITA_ACARA",
          fileName: `BA-Pembukaan-Harga-${tender.code}.pdf`,
          bytes: pdf,
          tenderId,
          isPublic: false,
          uploadedById: actor?.userId,
        });
        held.discard = ba.discard;
        await tx.priceOpeningApproval.updateMany({ where: { tenderId }, data: { wrappedShare: null } });
        await applyTenderEvent(
          tx,
          tenderId,
          { kind: "priceOpened" },
          {
            actor,
            now: openedAt,
            audit: { ...record, beritaAcara: { documentId: ba.document.id, sha256: ba.document.sha256 } },
          },
        );
        await tx.tender.update({
          where: { id: tenderId },
          data: { priceKeyWrapped: await wrapAtRest(held.key, priceKeyContext(tenderId)) },
        });
        return { opened: true };
      },
      { timeout: PRICE_OPENING_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    await held.discard?.().catch(() => {});
    throw error;
  } finally {
    held.key?.fill(0);
  }
}
