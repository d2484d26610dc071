import "server-only";
import { formatRupiah } from "@/lib/money";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { correctBreakdown } from "../domain/arithmetic-correction";
import { evaluationRuleAt } from "../domain/evaluation-rules";
import { aboveHpsReason, isAboveHps, isLowPriceFlagged } from "../domain/price-rules";
import { isTechnicalScored } from "../domain/consultancy";
import { decimalToUnits, unitsToDecimalString } from "../domain/scoring";
import { stageBlocker } from "../domain/stage-progress";
import { STAGE_LABELS } from "../domain/stage-labels";
import type { RecordEvaluationInput } from "../evaluation.schemas";
import { assertStageReopened } from "./assert-stage-reopened";
import { assertPriceOpened, consultancyVerdict } from "./consultancy-verdict";
import {
  lockEvaluatingTender,
  assertNotAutomatic,
  loadEvaluatedBid,
  toDecisions,
  type BidForEvaluation,
  type EvaluatingTender,
} from "./evaluation-context";

type StoredDecision = BidForEvaluation["evaluations"][number];
type Decided = {
  passed: boolean;
  reason: string;
  technicalScore: string | null;
  correctedPrice: bigint | null;
  lifeCycleCost: bigint | null;
};

/** The same decision, reason and figures as stored: saving it again changes nothing. */
function isSameDecision(stored: StoredDecision, next: Decided): boolean {
  return (
    stored.passed === next.passed &&
    stored.reason === next.reason &&
    decimalToUnits(stored.technicalScore) ===
      (next.technicalScore === null ? null : decimalToUnits(next.technicalScore)) &&
    stored.correctedPrice === next.correctedPrice &&
    stored.lifeCycleCost === next.lifeCycleCost
  );
}

/**
 * The form says which decision it showed (its decidedAt, or none); a save made against a
 * decision another member has since changed is refused instead of overwriting it unseen.
 * A caller without a form (tests, scripts) passes nothing and is not checked.
 */
function assertNotStale(previous: StoredDecision | null, seen: Date | null | undefined) {
  if (seen === undefined) return;
  if ((previous?.decidedAt.getTime() ?? null) !== (seen?.getTime() ?? null))
    throw new AppError("CONFLICT", "evaluationChangedMeanwhile");
}

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
 * Decisions that stand (Perlem LKPP 12/2021 Lampiran II, seleksi): the price envelopes of two
 * files are opened on the settled technical result, and only for the bids it passed; the
 * klarifikasi dan negosiasi is held on the settled evaluation and ranking. So once prices are
 * open a member who now knows them may not rescore or re-pass administrasi, kualifikasi or
 * teknis, and once a negotiation is on record no stage of any bid changes (the agreed price was
 * checked against that offer). Only an evaluasi ulang after an accepted sanggah
 * (assertStageReopened) decides them again.
 */
async function assertTechnicalStands(tx: Tx, tender: EvaluatingTender, stage: RecordEvaluationInput["stage"]) {
  if ((await tx.awardWithdrawal.count({ where: { tenderId: tender.id } })) > 0) return;
  if ((await tx.negotiation.count({ where: { tenderId: tender.id } })) > 0)
    throw new AppError("INVALID_STATE", "evaluationAfterNegotiation");
  if (tender.twoFiles && tender.priceOpenedAt !== null && stage !== "HARGA")
    throw new AppError("INVALID_STATE", "evaluationTechnicalAfterPrice");
}

/**
 * Records one Pokja decision on one bid and stage (administrasi, kualifikasi, teknis,
 * harga), in order, with a written reason. Deciding again before penetapan replaces the
 * decision; the audit trail keeps every version. Any change voids the stored ranking.
 * Saving what is already stored writes nothing (no row, no audit event, ranking kept).
 */
export async function recordEvaluation(actor: Actor, input: RecordEvaluationInput) {
  return db.$transaction(async (tx) => {
    const tender = await lockEvaluatingTender(tx, actor, input.tenderId);
    await assertStageReopened(tx, tender.id, input.stage);
    await assertTechnicalStands(tx, tender, input.stage);
    const bid = await loadEvaluatedBid(tx, tender.id, input.bidId);
    const previous = bid.evaluations.find((e) => e.stage === input.stage) ?? null;
    assertNotAutomatic(previous);
    const block = stageBlocker(input.stage, toDecisions(bid.evaluations));
    if (block)
      throw new AppError(
        "INVALID_STATE",
        block.key === "previousStageMissing" ? "evaluationStageMissing" : "evaluationStageFailed",
        { stage: STAGE_LABELS[block.stage] },
      );

    const isScored = input.stage === "TEKNIS" && isTechnicalScored(tender.evaluationMethod);
    if (isScored && input.passed && input.technicalScoreUnits == null)
      throw new AppError("VALIDATION", "VALIDATION", {}, { technicalScore: ["technicalScoreRequired"] });
    const technicalScore =
      isScored && input.technicalScoreUnits != null ? unitsToDecimalString(input.technicalScoreUnits) : null;

    let passed = input.passed;
    let reason = input.reason.trim();
    if (input.stage === "HARGA") assertPriceOpened(tender, bid);
    const price = input.stage === "HARGA" ? judgePrice(tender, bid.openedPrice!, input) : null;
    if (price?.aboveHps) {
      // HPS is the highest valid bid (Perpres 16/2018 jo. 12/2021 Pasal 26 ayat (5) huruf b).
      passed = false;
      reason = aboveHpsReason(formatRupiah(price.correctedPrice), formatRupiah(tender.hps), reason);
    }
    // seleksi: below the technical passing grade, or above the pagu under pagu anggaran, fails
    const verdict = consultancyVerdict(tender, input.stage, input.technicalScoreUnits, price?.correctedPrice);
    if (passed && verdict) {
      passed = false;
      reason = `${verdict}\nCatatan Pokja: ${reason}`;
    }
    const correctedPrice = price?.correctedPrice ?? null;
    const lifeCycleCost =
      price && tender.evaluationMethod === "BIAYA_UMUR_EKONOMIS" ? (input.lifeCycleCost ?? null) : null;
    const outcome = {
      passed,
      correctedPrice,
      isLowPriceFlagged: price?.flagged ?? null,
      forcedFailAboveHps: price?.aboveHps ?? false,
    };
    if (previous && isSameDecision(previous, { passed, reason, technicalScore, correctedPrice, lifeCycleCost })) {
      return { id: null, changed: false, ...outcome };
    }
    assertNotStale(previous, input.seenDecidedAt);

    const now = await dbNow(tx);
    const fields = {
      passed,
      reason,
      technicalScore,
      score: technicalScore,
      priceScore: null,
      correctedPrice,
      lifeCycleCost,
      decidedById: actor.userId,
      decidedAt: now,
    };
    const evaluation = await tx.evaluation.upsert({
      where: { bidId_stage: { bidId: bid.id, stage: input.stage } },
      create: { tenderId: tender.id, bidId: bid.id, stage: input.stage, ...fields },
      update: fields,
      select: { id: true },
    });
    if (price)
      await tx.bid.update({
        where: { id: bid.id },
        data: { correctedPrice: price.correctedPrice, isLowPriceFlagged: price.flagged },
      });
    // The ranking rests on every decision: a changed one means ranking again.
    const voided = await tx.bid.updateMany({
      where: { tenderId: tender.id, rank: { not: null } },
      data: { rank: null },
    });
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
    return { id: evaluation.id, changed: true, ...outcome };
  });
}
