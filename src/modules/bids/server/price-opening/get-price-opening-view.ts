import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import type { NextPriceOpeningRecord, PriceOpeningRecord } from "../../domain/opening-record";
import { findOpeningEvent } from "../opening/get-opening-view";
import { priceOpeningRefusal } from "../../domain/price-envelope";
import {
  PRICE_OPENING_SELECT,
  priceOpeningStateOf,
  priceRefusalMessage,
  technicalResults,
} from "./price-opening-state";

// What the desk says on its own (the first opening's section covers the rest).
const BLOCKED_BY_SHOWN: readonly string[] = [
  "priceOpeningBeforeStage",
  "priceOpeningTechnicalPending",
  "priceOpeningNotEvaluation",
];

/**
 * The price opening desk of one Pokja member on a two-envelope tender (null on any other):
 * who has approved (k of n), whether this member may approve now, and after the price
 * opening what it found, from the `tender.priceOpened` audit event (the record the Berita
 * Acara Pembukaan Harga was drawn from), with the bids opened later one by one (KUALITAS).
 */
export async function getPriceOpeningView(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.open");
  const tender = await db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { ...PRICE_OPENING_SELECT, priceKeyWrapped: true },
  });
  if (!tender.priceKey) return null;
  const [approvals, shares, results, now] = await Promise.all([
    db.priceOpeningApproval.findMany({
      where: { tenderId },
      orderBy: { approvedAt: "asc" },
      select: { userId: true, approvedAt: true, user: { select: { name: true } } },
    }),
    db.tenderPriceKeyShare.findMany({ where: { tenderId }, select: { userId: true } }),
    technicalResults(db, tenderId),
    dbNow(),
  ]);
  const refusal = priceOpeningRefusal(priceOpeningStateOf(tender, results), now);
  const hasApproved = approvals.some((a) => a.userId === actor.userId);
  const hasShare = shares.some((s) => s.userId === actor.userId);
  return {
    openedAt: tender.priceOpenedAt,
    threshold: tender.priceKey.threshold,
    shareholders: shares.length,
    approvals: approvals.map((a) => ({ name: a.user.name, approvedAt: a.approvedAt, isMe: a.userId === actor.userId })),
    hasApproved,
    hasShare,
    canApprove: tender.openedAt !== null && !hasApproved && hasShare && refusal === null,
    blockedBy:
      tender.openedAt && refusal && BLOCKED_BY_SHOWN.includes(refusal.key)
        ? priceRefusalMessage(refusal, tender.paket.agency.timeZone, actor.locale)
        : null,
    result: tender.priceOpenedAt ? await findPriceOpeningRecord(tenderId) : null,
    canReadFiles: tender.priceKeyWrapped !== null,
  };
}

export type PriceOpeningView = NonNullable<Awaited<ReturnType<typeof getPriceOpeningView>>>;

/**
 * The price opening's record and the bids opened after it (openNextPrice), from the audit
 * trail, with each opening's Berita Acara (a later one's is missing from events written
 * before openNextPrice stored one).
 */
export async function findPriceOpeningRecord(tenderId: string) {
  const record = await findOpeningEvent<PriceOpeningRecord>(tenderId, "tender.priceOpened");
  if (!record) return null;
  const later = await db.auditEvent.findMany({
    where: { entityType: "Bid", action: "bid.priceOpened", data: { path: ["tenderId"], equals: tenderId } },
    orderBy: { seq: "asc" },
    select: { data: true },
  });
  const laterOpenings = later
    .map(
      (e) =>
        e.data as unknown as Partial<Pick<NextPriceOpeningRecord, "bid">> & { beritaAcara?: { documentId: string } },
    )
    .filter((d): d is typeof d & Pick<NextPriceOpeningRecord, "bid"> => Boolean(d.bid));
  const laterIds = new Set(laterOpenings.map((d) => d.bid.bidId));
  return {
    bids: [...(record.bids ?? []), ...laterOpenings.map((d) => d.bid)],
    sealed: (record.sealed ?? []).filter((b) => !laterIds.has(b.bidId)),
    beritaAcaraId: record.beritaAcara?.documentId ?? null,
    laterBeritaAcara: laterOpenings.flatMap((d) =>
      d.beritaAcara ? [{ bidId: d.bid.bidId, vendorName: d.bid.vendorName, documentId: d.beritaAcara.documentId }] : [],
    ),
  };
}
