import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { openNextPrice } from "@/modules/bids";
import { dbNow } from "@/server/db";
import { inPdfTransaction } from "@/server/pdf";
import { AppError } from "@/server/errors";
import { agreedPriceProblem } from "../domain/negotiation";
import type { NegotiationOutcome } from "../domain/negotiation-outcome";
import { lockEvaluatingTender } from "./evaluation-context";
import { negotiationStage, negotiationStanding } from "./negotiation-standing";

export interface NegotiationInput {
  tenderId: string;
  bidId: string;
  outcome: NegotiationOutcome;
  agreedPrice: bigint | null;
  minutes: string;
}

/**
 * Klarifikasi dan negosiasi (seleksi; Perlem LKPP 12/2021 Lampiran II): a Pokja member
 * records the outcome with the bidder whose turn it is (the first ranked; after a failure
 * the next), with the minutes. AGREED fixes the price the award and the contract use: no
 * higher than the bid's corrected offer, nor HPS (Perpres 16/2018 jo. 12/2021 Pasal 26
 * ayat (5)), nor under pagu anggaran the pagu. FAILED moves the turn to the next bid
 * (under kualitas its price envelope is opened next, by the two-file opening). A record is
 * kept for good (no update, no delete: migration 20261213100000 revokes DELETE).
 */
export async function recordNegotiation(actor: Actor, input: NegotiationInput) {
  // a failure under kualitas draws the next price opening's Berita Acara (a PDF) in the transaction
  return inPdfTransaction(async (tx, files) => {
    const tender = await lockEvaluatingTender(tx, actor, input.tenderId);
    const now = await dbNow(tx);
    const stage = await negotiationStage(tx, tender);
    if (!stage) throw new AppError("INVALID_STATE", "consultancy.negotiationNotInProcedure");
    if (stage.startsAt > now) throw new AppError("INVALID_STATE", "consultancy.negotiationNotYet");

    const { turn } = await negotiationStanding(tx, tender);
    if (turn.kind === "AGREED") throw new AppError("INVALID_STATE", "consultancy.negotiationAlreadyAgreed");
    if (turn.kind === "EXHAUSTED") throw new AppError("INVALID_STATE", "consultancy.negotiationExhausted");
    if (turn.bidId !== input.bidId) throw new AppError("INVALID_STATE", "consultancy.negotiationNotTheTurn");

    const bid = await tx.bid.findUniqueOrThrow({
      where: { id: input.bidId },
      select: {
        vendorId: true,
        openedPrice: true,
        correctedPrice: true,
        evaluations: { where: { stage: "HARGA", passed: true }, select: { stage: true } },
      },
    });
    const offered = bid.correctedPrice ?? bid.openedPrice;
    // the price is negotiated from an evaluated offer: kualitas opens it after the technical ranking
    if (offered === null || bid.evaluations.length === 0)
      throw new AppError("INVALID_STATE", "consultancy.negotiationPriceNotEvaluated");

    const agreedPrice = input.outcome === "AGREED" ? input.agreedPrice : null;
    if (input.outcome === "AGREED") {
      if (agreedPrice === null)
        throw new AppError("VALIDATION", "VALIDATION", {}, { agreedPrice: ["consultancy.agreedPriceRequired"] });
      const pagu = tender.evaluationMethod === "PAGU_ANGGARAN" ? tender.pagu : null;
      const problem = agreedPriceProblem(agreedPrice, { offered, hps: tender.hps, pagu });
      if (problem) throw new AppError("VALIDATION", "VALIDATION", {}, { agreedPrice: [`consultancy.${problem}`] });
    }
    const minutes = input.minutes.trim();
    if (minutes === "")
      throw new AppError("VALIDATION", "VALIDATION", {}, { minutes: ["consultancy.minutesTooShort"] });

    const row = await tx.negotiation.create({
      data: {
        tenderId: tender.id,
        bidId: input.bidId,
        outcome: input.outcome,
        agreedPrice,
        minutes,
        negotiatedById: actor.userId,
        negotiatedAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "negotiation.recorded",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        negotiationId: row.id,
        bidId: input.bidId,
        vendorId: bid.vendorId,
        outcome: input.outcome,
        offeredPrice: offered,
        agreedPrice,
        minutes,
        negotiatedById: actor.userId,
        negotiatedAt: now.toISOString(),
      },
    });
    // kualitas opened only this bid's price: after a failure the next-ranked's is opened with
    // the price key kept at the price opening (the two-file opening's use case, helper E's)
    const nextOpened =
      input.outcome === "FAILED" && tender.evaluationMethod === "KUALITAS" && tender.priceOpenedAt !== null
        ? await openNextPrice(tx, actor, tender.id)
        : null;
    files.keep(nextOpened?.discard);
    return { id: row.id, outcome: input.outcome, nextOpenedBidId: nextOpened?.bidId ?? null };
  });
}
