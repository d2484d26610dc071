import "server-only";
import type { Actor } from "@/modules/auth/domain/permissions";
import { isAboveHps } from "@/modules/evaluation/domain/price-rules";
import { evaluationOutcome } from "@/modules/evaluation/domain/stage-progress";
import { applyRanking, rankingForAudit } from "@/modules/evaluation/server/apply-ranking";
import { lockEvaluatingTender, loadEvaluatedBids, toDecisions, type BidForEvaluation } from "@/modules/evaluation/server/evaluation-context";
import { applyTenderEvent } from "@/modules/tenders/server/apply-tender-event";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { failureSuggestion } from "../domain/failure-suggestion";
import { selectWinner } from "../domain/select-winner";

/** No winner can be named: tell the Pokja which tender-gagal ground applies. */
function noWinner(bids: readonly BidForEvaluation[], hps: bigint): AppError {
  const suggestion = failureSuggestion(
    bids.map((b) => ({ passedAllStages: false, isAboveHps: isAboveHps(b.correctedPrice ?? b.openedPrice!, hps) })),
  );
  return new AppError("INVALID_STATE", suggestion === "ALL_ABOVE_HPS" ? "noWinnerAllAboveHps" : "noWinnerNobodyPasses");
}

/**
 * Penetapan pemenang: ranks the bids afresh from the recorded decisions, then names the
 * best-ranked bid that passed every stage including pembuktian (and, if flagged below
 * 80% of HPS, has a clarification) as winner and the next two as reserves 1 and 2
 * (domain/select-winner.ts). After this the evaluation is fixed.
 */
export async function setWinner(actor: Actor, input: { tenderId: string }) {
  return db.$transaction(async (tx) => {
    const tender = await lockEvaluatingTender(tx, actor, input.tenderId).catch((error: unknown) => {
      if (error instanceof AppError && error.messageKey === "evaluationClosed") throw new AppError("INVALID_STATE", "winnerAlreadySet");
      throw error;
    });
    const bids = await loadEvaluatedBids(tx, tender.id);
    const ranked = await applyRanking(tx, tender, bids);
    const byId = new Map(bids.map((b) => [b.id, b]));
    const selection = selectWinner(
      ranked.map((r) => {
        const bid = byId.get(r.bidId)!;
        return {
          bidId: r.bidId,
          rank: r.rank,
          pembuktianPassed: toDecisions(bid.evaluations).PEMBUKTIAN,
          isLowPriceFlagged: bid.isLowPriceFlagged,
          hasClarification: Boolean(bid.lowPriceClarification),
        };
      }),
    );
    if (selection.kind === "NONE") throw noWinner(bids, tender.hps);
    if (selection.kind === "BLOCKED") {
      const vendor = byId.get(selection.bidId)!.vendor.name;
      throw new AppError("INVALID_STATE", selection.reason === "PEMBUKTIAN_PENDING" ? "pembuktianPending" : "clarificationRequired", { rank: selection.rank, vendor });
    }
    const [reserve1BidId = null, reserve2BidId = null] = selection.reserveBidIds;
    const now = await dbNow(tx);
    const winner = byId.get(selection.winnerBidId)!;
    await applyTenderEvent(tx, tender.id, { kind: "winnerSet", winnerBidId: selection.winnerBidId, reserve1BidId, reserve2BidId }, {
      actor,
      now,
      audit: {
        winnerVendorId: winner.vendorId,
        correctedPrice: winner.correctedPrice,
        ranking: rankingForAudit(ranked),
        passedAll: bids.filter((b) => evaluationOutcome(toDecisions(b.evaluations)).kind === "PASSED").length,
        decidedById: actor.userId,
      },
    });
    return { winnerBidId: winner.id, reserve1BidId, reserve2BidId, awardedAt: now };
  });
}
