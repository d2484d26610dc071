import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { getLpseLetterhead } from "@/modules/lpse";
import { assertPokjaAccess } from "@/modules/tenders";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { priceKeyContext } from "../../domain/at-rest-cipher";
import type { NextPriceOpeningRecord, OpenedBid } from "../../domain/opening-record";
import { nextPriceToOpen } from "../../domain/price-envelope";
import { unwrapAtRest } from "../opening/at-rest-key";
import { holding, storeBeritaAcara } from "../opening/split-key-opening";
import { openPriceEnvelopes } from "./open-price-envelopes";
import { renderNextPriceBeritaAcara } from "./price-berita-acara";
import {
  passingGradeOf,
  PRICE_OPENING_SELECT,
  priceRecordHeader,
  technicalResults,
  type PriceOpeningTender,
} from "./price-opening-state";

/** The record of this opening: why (the failed negotiations), by whom, and what stays sealed. */
async function recordOf(
  tx: Tx,
  actor: Actor,
  tender: PriceOpeningTender,
  bid: OpenedBid,
  envelopeNumber: number,
  sealedIds: string[],
  openedAt: Date,
): Promise<NextPriceOpeningRecord> {
  // one after the other: a transaction is one connection, which runs one query at a time
  const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
  const failed = await tx.negotiation.findMany({
    where: { tenderId: tender.id, outcome: "FAILED" },
    orderBy: { negotiatedAt: "asc" },
    select: {
      bidId: true,
      negotiatedAt: true,
      bid: { select: { vendor: { select: { name: true } } } },
      negotiatedBy: { select: { name: true } },
    },
  });
  return {
    ...(await priceRecordHeader(tx, tender, openedAt, sealedIds)),
    envelopeNumber,
    openedBy: { userId: actor.userId, name: user.name },
    failedNegotiations: failed.map((n) => ({
      bidId: n.bidId,
      vendorName: n.bid.vendor.name,
      negotiatedBy: n.negotiatedBy.name,
      negotiatedAt: n.negotiatedAt.toISOString(),
    })),
    bid,
  };
}

/**
 * KUALITAS, after the negotiation with every bid opened so far FAILED (Perlem LKPP 12/2021
 * Lampiran II: the next-ranked is invited): opens the price envelope of the next-ranked bid
 * that passed the technical evaluation, with the price key kept at the price opening
 * (Tender.priceKeyWrapped; decision 0042 says why no new approvals). Runs in the caller's
 * transaction (evaluation's negotiation use case), as a member of the tender's Pokja with
 * tender.evaluate. Like every opening it stores its Berita Acara (Pembukaan Harga
 * (Lanjutan)), whose SHA-256 the `bid.priceOpened` audit event names. Returns the bid
 * opened, with the stored Berita Acara's `discard` for the caller to call if its
 * transaction does not commit, or null when no passing bid is left (the caller then fails
 * the seleksi).
 * Everything else stays sealed.
 */
export async function openNextPrice(
  tx: Tx,
  actor: Actor,
  tenderId: string,
): Promise<{ bidId: string; price: bigint | null; discard: (() => Promise<void>) | null } | null> {
  await assertPokjaAccess(tx, actor, tenderId, "tender.evaluate");
  await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
  const tender = await tx.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { ...PRICE_OPENING_SELECT, priceKeyWrapped: true },
  });
  if (!tender.priceOpenedAt || !tender.priceKeyWrapped || tender.status !== "EVALUATION")
    throw new AppError("INVALID_STATE", "priceNextNotOpened");
  if (tender.evaluationMethod !== "KUALITAS") throw new AppError("INVALID_STATE", "priceNextOnlyKualitas");
  const opened = await tx.bid.findMany({
    where: { tenderId, status: "SUBMITTED", priceOpenedAt: { not: null } },
    select: { id: true, negotiations: { select: { outcome: true } } },
  });
  if (opened.some((b) => !b.negotiations.some((n) => n.outcome === "FAILED")))
    throw new AppError("INVALID_STATE", "priceNextNegotiationNotFailed");

  const results = await technicalResults(tx, tenderId);
  const openedIds = opened.map((b) => b.id);
  const next = nextPriceToOpen(results, passingGradeOf(tender), openedIds);
  if (!next) return null;
  const priceKeyWrapped = tender.priceKeyWrapped;
  return holding(async (held) => {
    held.key = await unwrapAtRest(priceKeyWrapped, priceKeyContext(tenderId));
    const now = await dbNow(tx);
    const [bid] = await openPriceEnvelopes(tx, held.key, [next], now);
    // the rule named a SUBMITTED bid whose price was not opened, and the tender row is locked
    if (!bid) throw new Error(`the price envelope of bid ${next} was not there to open`);
    const sealedIds = results.map((r) => r.bidId).filter((id) => id !== next && !openedIds.includes(id));
    const record = await recordOf(tx, actor, tender, bid, openedIds.length + 1, sealedIds, now);
    const beritaAcara = await storeBeritaAcara(tx, held, {
      tenderId,
      fileName: `BA-Pembukaan-Harga-Lanjutan-${tender.code}-${record.envelopeNumber}.pdf`,
      pdf: await renderNextPriceBeritaAcara(record, await getLpseLetterhead(tx)),
      actor,
    });
    await recordAuditEvent(tx, {
      actor,
      action: "bid.priceOpened",
      entityType: "Bid",
      entityId: next,
      data: { tenderId, code: tender.code, reason: "KUALITAS: negosiasi sebelumnya gagal", ...record, beritaAcara },
    });
    return { bidId: next, price: bid.price ? BigInt(bid.price) : null, discard: held.discard };
  });
}
