import "server-only";
import { createHash } from "node:crypto";
import { isAboveHps, evaluationOutcome, pembuktianOf, toDecisions } from "@/modules/evaluation/domain";
import {
  applyRanking,
  loadEvaluatedBids,
  negotiationResult,
  prequalifiedVendorIds,
  type BidForEvaluation,
  type EvaluatingTender,
} from "@/modules/evaluation";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { failureSuggestion } from "../domain/failure-suggestion";
import { selectWinner } from "../domain/select-winner";

const STAGE_ORDER = ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA", "PEMBUKTIAN"];

/**
 * What a winner proposal rests on, JSON-safe (rupiah and scores as strings, times ISO) and
 * built in a fixed key order: every bid with each stage's decision and reason, the
 * ranking, and the winner and reserves the rules select from them. It is stored with the
 * proposal, printed in the Berita Acara Hasil Pemilihan, and hashed into its fingerprint.
 */
export interface WinnerBasis {
  method: string;
  bids: {
    bidId: string;
    vendorName: string;
    openedPrice: string | null;
    correctedPrice: string | null;
    isLowPriceFlagged: boolean;
    hasClarification: boolean;
    passedAll: boolean;
    decisions: {
      stage: string;
      passed: boolean;
      reason: string;
      technicalScore: string | null;
      lifeCycleCost: string | null;
      decidedAt: string;
    }[];
  }[];
  ranking: {
    bidId: string;
    rank: number;
    correctedPrice: string;
    totalUnits: number | null;
    totalCost: string | null;
  }[];
  winnerBidId: string;
  reserve1BidId: string | null;
  reserve2BidId: string | null;
  /** seleksi: the price agreed in klarifikasi dan negosiasi with the winner (absent elsewhere) */
  negotiatedPrice?: string;
  /**
   * With prakualifikasi (absent elsewhere, so a tender's basis and fingerprint are as before):
   * the round in force and the bids whose firm passed it and is on its shortlist, which is
   * their pembuktian kualifikasi (evaluation/domain/pembuktian.ts).
   */
  prakualifikasi?: { round: number; passedBidIds: string[] };
}

/** No winner can be named: tell the Pokja which tender-gagal ground applies. */
function noWinner(bids: readonly BidForEvaluation[], hps: bigint): AppError {
  const suggestion = failureSuggestion(
    bids.map((b) => ({ passedAllStages: false, isAboveHps: isAboveHps(b.correctedPrice ?? b.openedPrice!, hps) })),
  );
  return new AppError("INVALID_STATE", suggestion === "ALL_ABOVE_HPS" ? "noWinnerAllAboveHps" : "noWinnerNobodyPasses");
}

const str = (v: { toString(): string } | null | undefined) => (v === null || v === undefined ? null : v.toString());

/**
 * Ranks the bids afresh from the recorded decisions (storing Bid.rank, as the ranking
 * step does) and names the best-ranked bid that passed every stage including pembuktian
 * (a seleksi's: its firm's prakualifikasi, which has no stage of its own) (and, if flagged below 80% of HPS, has a clarification) as winner and the next two as
 * reserves (domain/select-winner.ts). Refuses, with the reason, when no winner can be named.
 */
export async function currentWinnerBasis(
  tx: Tx,
  tender: EvaluatingTender,
): Promise<{ basis: WinnerBasis; fingerprint: string; bids: BidForEvaluation[] }> {
  const bids = await loadEvaluatedBids(tx, tender.id);
  const ranked = await applyRanking(tx, tender, bids);
  const byId = new Map(bids.map((b) => [b.id, b]));
  // seleksi: a bid whose negotiation failed cannot win (Perlem LKPP 12/2021 Lampiran II)
  const negotiation = await negotiationResult(tx, tender);
  const prequalified = await prequalifiedVendorIds(tx, tender);
  const proven = (bid: BidForEvaluation) =>
    pembuktianOf({
      hasPrakualifikasi: tender.hasPrakualifikasi,
      recorded: toDecisions(bid.evaluations).PEMBUKTIAN,
      prequalified: prequalified.has(bid.vendorId),
    });
  const selection = selectWinner(
    ranked
      .filter((r) => !negotiation.failedBidIds.has(r.bidId))
      .map((r) => {
        const bid = byId.get(r.bidId)!;
        return {
          bidId: r.bidId,
          rank: r.rank,
          pembuktianPassed: proven(bid),
          isLowPriceFlagged: bid.isLowPriceFlagged,
          hasClarification: Boolean(bid.lowPriceClarification),
        };
      }),
  );
  if (selection.kind === "NONE") throw noWinner(bids, tender.hps);
  if (selection.kind === "BLOCKED") {
    const vendor = byId.get(selection.bidId)!.vendor.name;
    throw new AppError(
      "INVALID_STATE",
      selection.reason === "PEMBUKTIAN_PENDING" ? "pembuktianPending" : "clarificationRequired",
      { rank: selection.rank, vendor },
    );
  }
  if (negotiation.required && selection.winnerBidId !== negotiation.agreed?.bidId)
    throw new AppError("INVALID_STATE", "consultancy.negotiationNotAgreed");
  const [reserve1BidId = null, reserve2BidId = null] = selection.reserveBidIds;
  const basis: WinnerBasis = {
    method: tender.evaluationMethod ?? "HARGA_TERENDAH",
    bids: bids.map((b) => ({
      bidId: b.id,
      vendorName: b.vendor.name,
      openedPrice: str(b.openedPrice),
      correctedPrice: str(b.correctedPrice),
      isLowPriceFlagged: b.isLowPriceFlagged,
      hasClarification: Boolean(b.lowPriceClarification),
      passedAll: evaluationOutcome(toDecisions(b.evaluations)).kind === "PASSED",
      decisions: [...b.evaluations]
        .sort((x, y) => STAGE_ORDER.indexOf(x.stage) - STAGE_ORDER.indexOf(y.stage))
        .map((e) => ({
          stage: e.stage,
          passed: e.passed,
          reason: e.reason,
          technicalScore: str(e.technicalScore),
          lifeCycleCost: str(e.lifeCycleCost),
          decidedAt: e.decidedAt.toISOString(),
        })),
    })),
    ranking: ranked.map((r) => ({
      bidId: r.bidId,
      rank: r.rank,
      correctedPrice: r.correctedPrice.toString(),
      totalUnits: r.totalUnits,
      totalCost: str(r.totalCost),
    })),
    winnerBidId: selection.winnerBidId,
    reserve1BidId,
    reserve2BidId,
    ...(negotiation.agreed ? { negotiatedPrice: negotiation.agreed.agreedPrice.toString() } : {}),
    ...(tender.hasPrakualifikasi
      ? {
          prakualifikasi: {
            round: tender.prequalificationRound,
            passedBidIds: bids.filter((b) => proven(b) === true).map((b) => b.id),
          },
        }
      : {}),
  };
  return { basis, fingerprint: fingerprintOf(basis), bids };
}

/** SHA-256 of the basis as built above (its key order is fixed by the code, not the database). */
export function fingerprintOf(basis: WinnerBasis): string {
  return createHash("sha256").update(JSON.stringify(basis)).digest("hex");
}
