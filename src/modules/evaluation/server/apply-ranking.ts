import "server-only";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { isTechnicalScored, needsWeights } from "../domain/consultancy";
import { rankBids, type RankCandidate, type RankedBid } from "../domain/ranking";
import { decimalToUnits, unitsToDecimalString } from "../domain/scoring";
import { evaluationOutcome, isEvaluationComplete } from "../domain/stage-progress";
import { toDecisions, type BidForEvaluation, type EvaluatingTender } from "./evaluation-context";

/**
 * Ranks the bids that passed administrasi to harga by the tender's method and stores it:
 * Bid.rank (null for the rest) and, for sistem nilai, the price and combined scores on the
 * HARGA evaluation. Refuses while any bid is still undecided: a ranking of half the
 * field would mislead pembuktian.
 */
export async function applyRanking(
  tx: Tx,
  tender: EvaluatingTender,
  allBids: readonly BidForEvaluation[],
): Promise<RankedBid[]> {
  // two-file: a bid that passed teknis but whose price envelope stays sealed (kualitas opens
  // only the first's) waits outside the ranking instead of holding it up as undecided
  const bids = allBids.filter((b) => b.openedPrice !== null && (!tender.twoFiles || b.priceOpenedAt !== null));
  const decisions = bids.map((b) => toDecisions(b.evaluations));
  if (!isEvaluationComplete(decisions)) {
    const pending = decisions.filter((d) => evaluationOutcome(d).kind === "PENDING").length;
    throw new AppError("INVALID_STATE", "evaluationIncomplete", { count: pending });
  }
  const method = tender.evaluationMethod ?? "HARGA_TERENDAH";
  if (needsWeights(method) && (tender.technicalWeight === null || tender.priceWeight === null))
    throw new AppError("INVALID_STATE", "weightsMissing");
  const candidates: RankCandidate[] = bids
    .filter((_b, i) => evaluationOutcome(decisions[i]!).kind === "PASSED")
    .map((b) => {
      const teknis = b.evaluations.find((e) => e.stage === "TEKNIS");
      const harga = b.evaluations.find((e) => e.stage === "HARGA");
      const technicalUnits = decimalToUnits(teknis?.technicalScore ?? null);
      if (isTechnicalScored(method) && technicalUnits === null)
        throw new AppError("INVALID_STATE", "technicalScoreMissing", { vendor: b.vendor.name });
      if (method === "BIAYA_UMUR_EKONOMIS" && harga?.lifeCycleCost == null)
        throw new AppError("INVALID_STATE", "lifeCycleCostMissing", { vendor: b.vendor.name });
      return {
        bidId: b.id,
        correctedPrice: b.correctedPrice ?? b.openedPrice!,
        lifeCycleCost: harga?.lifeCycleCost ?? null,
        technicalUnits,
        submittedAt: b.submittedAt,
      };
    });
  const ranked = rankBids(method, candidates, {
    technicalWeight: tender.technicalWeight,
    priceWeight: tender.priceWeight,
    technicalPassingGrade: tender.technicalPassingGrade,
    pagu: tender.pagu,
  });
  await tx.bid.updateMany({ where: { tenderId: tender.id }, data: { rank: null } });
  for (const r of ranked) {
    await tx.bid.update({ where: { id: r.bidId }, data: { rank: r.rank } });
    if (r.totalUnits !== null) {
      await tx.evaluation.update({
        where: { bidId_stage: { bidId: r.bidId, stage: "HARGA" } },
        data: { priceScore: unitsToDecimalString(r.priceUnits!), score: unitsToDecimalString(r.totalUnits) },
      });
    }
  }
  return ranked;
}

/** The ranking as the audit trail keeps it. */
export function rankingForAudit(ranked: readonly RankedBid[]) {
  return ranked.map((r) => ({
    bidId: r.bidId,
    rank: r.rank,
    correctedPrice: r.correctedPrice,
    totalUnits: r.totalUnits,
    totalCost: r.totalCost,
  }));
}
