import { RESERVE_COUNT } from "@/modules/evaluation/domain";

/** A ranked bid (it passed administrasi to harga) as penetapan sees it. */
export interface WinnerCandidate {
  bidId: string;
  rank: number;
  /** pembuktian (evaluation's pembuktianOf: a tender's PEMBUKTIAN decision, a seleksi's prakualifikasi): undefined while undecided */
  pembuktianPassed: boolean | undefined;
  isLowPriceFlagged: boolean;
  hasClarification: boolean;
}

export type WinnerSelection =
  | { kind: "SELECTED"; winnerBidId: string; reserveBidIds: string[] }
  | { kind: "BLOCKED"; reason: "PEMBUKTIAN_PENDING" | "CLARIFICATION_MISSING"; bidId: string; rank: number }
  | { kind: "NONE" };

/**
 * Penetapan pemenang (Perpres 16/2018 jo. 12/2021; Perlem LKPP 12/2021 Lampiran II): the
 * winner is the best-ranked bid that passed pembuktian kualifikasi and, if it was flagged
 * below 80% of HPS, has a written clarification; reserves 1 and 2 are the next such bids.
 *
 * Walking down the ranking, a bid that is still undecided blocks: a lower-ranked bid may
 * not win just because the Pokja has not yet checked a better one, and a flagged bid
 * without clarification is neither cleared nor out (the Pokja clarifies it, or fails
 * its price stage). Only a failed pembuktian passes over a bid.
 */
export function selectWinner(ranked: readonly WinnerCandidate[]): WinnerSelection {
  const chosen: string[] = [];
  for (const bid of [...ranked].sort((a, b) => a.rank - b.rank)) {
    if (chosen.length > RESERVE_COUNT) break;
    if (bid.pembuktianPassed === false) continue;
    if (bid.pembuktianPassed === undefined)
      return { kind: "BLOCKED", reason: "PEMBUKTIAN_PENDING", bidId: bid.bidId, rank: bid.rank };
    if (bid.isLowPriceFlagged && !bid.hasClarification)
      return { kind: "BLOCKED", reason: "CLARIFICATION_MISSING", bidId: bid.bidId, rank: bid.rank };
    chosen.push(bid.bidId);
  }
  const [winnerBidId, ...reserveBidIds] = chosen;
  return winnerBidId ? { kind: "SELECTED", winnerBidId, reserveBidIds } : { kind: "NONE" };
}
