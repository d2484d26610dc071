import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { evaluationOutcome, toDecisions } from "@/modules/evaluation/domain";
import { lockEvaluatingTender, loadEvaluatedBids } from "@/modules/evaluation";
import { parseInput } from "@/modules/failure";
import { notifyTenderParticipants } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { negotiationMessage } from "../domain/messages";
import { negotiationRefusal } from "../domain/negotiation";
import { recordNegotiationSchema, type RecordNegotiationInput } from "../penunjukan.schemas";
import { loadPenunjukanRun } from "./load-penunjukan-run";

/**
 * Klarifikasi dan negosiasi of a penunjukan langsung: a member of the Pokja records the
 * agreed price and the minutes, once, after the opening and before penetapan, for the
 * invited vendor's offer that passed the evaluation (domain/negotiation.ts). The vendor
 * is told; the SPPBJ then states the agreed price.
 */
export async function recordNegotiation(actor: Actor, input: RecordNegotiationInput) {
  const { tenderId, agreedPrice, minutes } = parseInput(recordNegotiationSchema, input);
  return db.$transaction(async (tx) => {
    const tender = await lockEvaluatingTender(tx, actor, tenderId);
    const run = await loadPenunjukanRun(tx, tender.id);
    if (run.negotiatedAt !== null) throw new AppError("CONFLICT", "plAlreadyNegotiated");
    const bid = (await loadEvaluatedBids(tx, tender.id)).find((b) => b.vendorId === run.vendorId);
    if (!bid) throw new AppError("INVALID_STATE", "plNoOffer");
    const offeredPrice = bid.correctedPrice ?? bid.openedPrice!;
    const refusal = negotiationRefusal({
      offerPassed: evaluationOutcome(toDecisions(bid.evaluations)).kind === "PASSED",
      offeredPrice,
      hps: tender.hps,
      agreedPrice,
    });
    if (refusal) throw new AppError("INVALID_STATE", refusal);
    const now = await dbNow(tx);
    await tx.penunjukanLangsung.update({
      where: { id: run.id },
      data: { agreedPrice, negotiationMinutes: minutes, negotiatedAt: now, negotiatedById: actor.userId },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "penunjukanLangsung.negotiated",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        code: tender.code,
        requestId: run.id,
        bidId: bid.id,
        offeredPrice,
        agreedPrice,
        minutes,
        at: now.toISOString(),
      },
    });
    const ref = { id: tender.id, code: tender.code, name: tender.paket.name, timeZone: tender.paket.agency.timeZone };
    await notifyTenderParticipants(tx, tender.id, negotiationMessage(ref, agreedPrice));
    return { agreedPrice, negotiatedAt: now };
  });
}
