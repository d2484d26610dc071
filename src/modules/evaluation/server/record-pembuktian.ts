import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { evaluationOutcome } from "../domain/stage-progress";
import type { RecordPembuktianInput } from "../evaluation.schemas";
import { assertStageReopened } from "./assert-stage-reopened";
import { assertNotAutomatic, lockEvaluatingTender, loadEvaluatedBid, toDecisions } from "./evaluation-context";

/**
 * Pembuktian kualifikasi: the Pokja checks the originals of the best-ranked bidders
 * (winner and reserve candidates) and records passed or failed with a reason (Perlem
 * LKPP 12/2021, Lampiran II). Only a ranked bid is checked, and a flagged low bid only
 * once its price clarification is on record. A procedure with prakualifikasi has no
 * pembuktian stage: its firms proved their qualification in the prakualifikasi
 * (domain/pembuktian.ts), so a decision here is refused and nothing is written.
 */
export async function recordPembuktian(actor: Actor, input: RecordPembuktianInput) {
  return db.$transaction(async (tx) => {
    const tender = await lockEvaluatingTender(tx, actor, input.tenderId);
    if (tender.hasPrakualifikasi) throw new AppError("INVALID_STATE", "pembuktianInPrakualifikasi");
    await assertStageReopened(tx, tender.id, "PEMBUKTIAN");
    const bid = await loadEvaluatedBid(tx, tender.id, input.bidId);
    const previous = bid.evaluations.find((e) => e.stage === "PEMBUKTIAN") ?? null;
    assertNotAutomatic(previous);
    if (evaluationOutcome(toDecisions(bid.evaluations)).kind !== "PASSED")
      throw new AppError("INVALID_STATE", "pembuktianNotEligible");
    if (bid.rank === null) throw new AppError("INVALID_STATE", "rankingRequired");
    if (input.passed && bid.isLowPriceFlagged && !bid.lowPriceClarification)
      throw new AppError("INVALID_STATE", "clarificationRequired", { vendor: bid.vendor.name });
    const now = await dbNow(tx);
    const fields = { passed: input.passed, reason: input.reason.trim(), decidedById: actor.userId, decidedAt: now };
    await tx.evaluation.upsert({
      where: { bidId_stage: { bidId: bid.id, stage: "PEMBUKTIAN" } },
      create: { tenderId: tender.id, bidId: bid.id, stage: "PEMBUKTIAN", ...fields },
      update: fields,
    });
    await recordAuditEvent(tx, {
      actor,
      action: previous ? "evaluation.changed" : "evaluation.recorded",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        bidId: bid.id,
        vendorId: bid.vendorId,
        stage: "PEMBUKTIAN",
        rank: bid.rank,
        passed: input.passed,
        reason: fields.reason,
        previousPassed: previous?.passed ?? null,
        decidedById: actor.userId,
        decidedAt: now.toISOString(),
      },
    });
    return { bidId: bid.id, passed: input.passed };
  });
}
