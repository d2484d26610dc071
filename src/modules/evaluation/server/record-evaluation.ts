import "server-only";
import { formatRupiah } from "@/lib/money";
import type { Actor } from "@/modules/auth/domain/permissions";
import { recordAuditEvent } from "@/modules/audit/server/record-audit-event";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { correctBreakdown } from "../domain/arithmetic-correction";
import { evaluationRuleAt } from "../domain/evaluation-rules";
import { isAboveHps, isLowPriceFlagged } from "../domain/price-rules";
import { unitsToDecimalString } from "../domain/scoring";
import { stageBlocker } from "../domain/stage-progress";
import { STAGE_LABELS } from "../domain/stage-labels";
import type { RecordEvaluationInput } from "../evaluation.schemas";
import { lockEvaluatingTender, loadEvaluatedBid, toDecisions, type EvaluatingTender } from "./evaluation-context";

/** The price-stage facts: corrected price, the HPS rule and the 80% flag. */
function judgePrice(tender: EvaluatingTender, openedPrice: bigint, input: RecordEvaluationInput) {
  const correction = input.breakdown?.length ? correctBreakdown(input.breakdown) : null;
  const correctedPrice = correction?.correctedTotal ?? input.correctedPrice ?? openedPrice;
  if (correctedPrice <= 0n) throw new AppError("VALIDATION", "VALIDATION", {}, { correctedPrice: ["amountPositive"] });
  if (tender.evaluationMethod === "BIAYA_UMUR_EKONOMIS" && input.passed && input.lifeCycleCost == null) {
    throw new AppError("VALIDATION", "VALIDATION", {}, { lifeCycleCost: ["lifeCycleCostRequired"] });
  }
  const aboveHps = isAboveHps(correctedPrice, tender.hps);
  const rule = evaluationRuleAt(tender.publishedAt ?? tender.openedAt!);
  const flagged = isLowPriceFlagged(tender.paket.category, correctedPrice, tender.hps, rule);
  return { correction, correctedPrice, aboveHps, flagged };
}

/**
 * Records one Pokja decision on one bid and stage (administrasi, kualifikasi, teknis,
 * harga), in order, with a written reason. Deciding again before penetapan replaces the
 * decision; the audit trail keeps every version. Any change voids the stored ranking.
 */
export async function recordEvaluation(actor: Actor, input: RecordEvaluationInput) {
  return db.$transaction(async (tx) => {
    const tender = await lockEvaluatingTender(tx, actor, input.tenderId);
    const bid = await loadEvaluatedBid(tx, tender.id, input.bidId);
    const previous = bid.evaluations.find((e) => e.stage === input.stage) ?? null;
    const block = stageBlocker(input.stage, toDecisions(bid.evaluations));
    if (block) throw new AppError("INVALID_STATE", block.key === "previousStageMissing" ? "evaluationStageMissing" : "evaluationStageFailed", { stage: STAGE_LABELS[block.stage] });

    const isScored = input.stage === "TEKNIS" && tender.evaluationMethod === "SISTEM_NILAI";
    if (isScored && input.passed && input.technicalScoreUnits == null) throw new AppError("VALIDATION", "VALIDATION", {}, { technicalScore: ["technicalScoreRequired"] });
    const technicalScore = isScored && input.technicalScoreUnits != null ? unitsToDecimalString(input.technicalScoreUnits) : null;

    let passed = input.passed;
    let reason = input.reason.trim();
    const price = input.stage === "HARGA" ? judgePrice(tender, bid.openedPrice!, input) : null;
    if (price?.aboveHps) {
      // HPS is the highest valid bid (Perpres 16/2018 jo. 12/2021 Pasal 26 ayat (5) huruf b).
      passed = false;
      reason = `Harga penawaran terkoreksi ${formatRupiah(price.correctedPrice)} melebihi HPS ${formatRupiah(tender.hps)}; penawaran dinyatakan gugur.\nCatatan Pokja: ${reason}`;
    }
    const now = await dbNow(tx);
    const fields = {
      passed,
      reason,
      technicalScore,
      score: technicalScore,
      priceScore: null,
      correctedPrice: price?.correctedPrice ?? null,
      lifeCycleCost: price && tender.evaluationMethod === "BIAYA_UMUR_EKONOMIS" ? (input.lifeCycleCost ?? null) : null,
      decidedById: actor.userId,
      decidedAt: now,
    };
    const evaluation = await tx.evaluation.upsert({
      where: { bidId_stage: { bidId: bid.id, stage: input.stage } },
      create: { tenderId: tender.id, bidId: bid.id, stage: input.stage, ...fields },
      update: fields,
      select: { id: true },
    });
    if (price) await tx.bid.update({ where: { id: bid.id }, data: { correctedPrice: price.correctedPrice, isLowPriceFlagged: price.flagged } });
    // The ranking rests on every decision: a changed one means ranking again.
    const voided = await tx.bid.updateMany({ where: { tenderId: tender.id, rank: { not: null } }, data: { rank: null } });
    await recordAuditEvent(tx, {
      actor,
      action: previous ? "evaluation.changed" : "evaluation.recorded",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        bidId: bid.id,
        vendorId: bid.vendorId,
        stage: input.stage,
        passed,
        reason,
        previousPassed: previous?.passed ?? null,
        technicalScore,
        correctedPrice: price?.correctedPrice ?? null,
        correctedLines: price?.correction?.differing ?? [],
        forcedFailAboveHps: price?.aboveHps ?? false,
        isLowPriceFlagged: price?.flagged ?? null,
        lifeCycleCost: fields.lifeCycleCost,
        ranksVoided: voided.count,
        decidedById: actor.userId,
        decidedAt: now.toISOString(),
      },
    });
    return { id: evaluation.id, passed, correctedPrice: price?.correctedPrice ?? null, isLowPriceFlagged: price?.flagged ?? null, forcedFailAboveHps: price?.aboveHps ?? false };
  });
}
