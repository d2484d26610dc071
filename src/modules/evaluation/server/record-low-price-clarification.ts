import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { RecordClarificationInput } from "../evaluation.schemas";
import { lockEvaluatingTender, loadEvaluatedBid } from "./evaluation-context";

/**
 * Klarifikasi kewajaran harga: a construction bid whose corrected price is below 80% of
 * HPS may win only with the Pokja's written record of the clarification (Perlem LKPP
 * 12/2021, Lampiran II). If the price proves unreasonable, the Pokja fails the bid's
 * price stage instead. Editing it before penetapan is allowed and audited.
 */
export async function recordLowPriceClarification(actor: Actor, input: RecordClarificationInput) {
  return db.$transaction(async (tx) => {
    const tender = await lockEvaluatingTender(tx, actor, input.tenderId);
    const bid = await loadEvaluatedBid(tx, tender.id, input.bidId);
    if (!bid.isLowPriceFlagged) throw new AppError("INVALID_STATE", "clarificationNotNeeded");
    const clarification = input.clarification.trim();
    const now = await dbNow(tx);
    await tx.bid.update({ where: { id: bid.id }, data: { lowPriceClarification: clarification } });
    await recordAuditEvent(tx, {
      actor,
      action: bid.lowPriceClarification ? "evaluation.clarificationChanged" : "evaluation.clarificationRecorded",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        bidId: bid.id,
        vendorId: bid.vendorId,
        correctedPrice: bid.correctedPrice,
        clarification,
        previous: bid.lowPriceClarification,
        decidedById: actor.userId,
        decidedAt: now.toISOString(),
      },
    });
    return { bidId: bid.id };
  });
}
