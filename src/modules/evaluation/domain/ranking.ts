import type { EvaluationMethod } from "@/modules/tenders/domain";
import { priceScoreUnits, weightedTotalUnits } from "./scoring";

/** A bid that passed every evaluation stage (administrasi to harga). */
export interface RankCandidate {
  bidId: string;
  correctedPrice: bigint;
  /** biaya selama umur ekonomis: the life-cycle cost entered at the price stage */
  lifeCycleCost: bigint | null;
  /** sistem nilai: the technical score in thousandths */
  technicalUnits: number | null;
  submittedAt: Date;
}

export interface RankedBid extends RankCandidate {
  rank: number;
  /** sistem nilai only */
  priceUnits: number | null;
  totalUnits: number | null;
  /** biaya selama umur ekonomis only: corrected price + life-cycle cost */
  totalCost: bigint | null;
}

export interface Weights {
  technicalWeight: number | null;
  priceWeight: number | null;
}

const cmpBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
const cmpNum = (a: number, b: number) => a - b;

/**
 * The last resorts, the same for every method: the earlier submission (the bid's server
 * receipt time), then the bid id, so a ranking is a total order and never depends on
 * the order rows came from the database. The law leaves the final tie to the Pokja's
 * minutes (Perlem LKPP 12/2021, Lampiran II); Segel records this rule instead.
 */
function lastResort(a: RankedBid, b: RankedBid): number {
  return a.submittedAt.getTime() - b.submittedAt.getTime() || (a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0);
}

/**
 * Orders the passing bids and numbers them 1, 2, 3, … (no shared ranks). Ties:
 * - HARGA_TERENDAH: lowest corrected price; tie → earlier submission.
 * - SISTEM_NILAI: highest combined score; tie → higher technical score, then lower
 *   corrected price, then earlier submission.
 * - BIAYA_UMUR_EKONOMIS: lowest corrected price + life-cycle cost; tie → lower corrected
 *   price, then earlier submission.
 */
export function rankBids(
  method: EvaluationMethod,
  candidates: readonly RankCandidate[],
  weights: Weights = { technicalWeight: null, priceWeight: null },
): RankedBid[] {
  if (candidates.length === 0) return [];
  const lowest = candidates.reduce(
    (min, c) => (c.correctedPrice < min ? c.correctedPrice : min),
    candidates[0]!.correctedPrice,
  );
  const scored: RankedBid[] = candidates.map((c) => {
    if (method === "SISTEM_NILAI") {
      if (c.technicalUnits === null || weights.technicalWeight === null || weights.priceWeight === null)
        throw new RangeError("sistem nilai needs technical scores and weights");
      const priceUnits = priceScoreUnits(lowest, c.correctedPrice);
      return {
        ...c,
        rank: 0,
        priceUnits,
        totalUnits: weightedTotalUnits(c.technicalUnits, priceUnits, weights.technicalWeight, weights.priceWeight),
        totalCost: null,
      };
    }
    if (method === "BIAYA_UMUR_EKONOMIS") {
      if (c.lifeCycleCost === null) throw new RangeError("life-cycle cost missing");
      return { ...c, rank: 0, priceUnits: null, totalUnits: null, totalCost: c.correctedPrice + c.lifeCycleCost };
    }
    return { ...c, rank: 0, priceUnits: null, totalUnits: null, totalCost: null };
  });
  const order: Record<EvaluationMethod, (a: RankedBid, b: RankedBid) => number> = {
    HARGA_TERENDAH: (a, b) => cmpBig(a.correctedPrice, b.correctedPrice),
    SISTEM_NILAI: (a, b) =>
      cmpNum(b.totalUnits!, a.totalUnits!) ||
      cmpNum(b.technicalUnits!, a.technicalUnits!) ||
      cmpBig(a.correctedPrice, b.correctedPrice),
    BIAYA_UMUR_EKONOMIS: (a, b) => cmpBig(a.totalCost!, b.totalCost!) || cmpBig(a.correctedPrice, b.correctedPrice),
    // CONTRACT (issue 15): helper F replaces these with the consultancy methods' rules
    KUALITAS: (a, b) => cmpNum(b.technicalUnits!, a.technicalUnits!),
    KUALITAS_BIAYA: (a, b) => cmpNum(b.totalUnits!, a.totalUnits!),
    PAGU_ANGGARAN: (a, b) => cmpNum(b.technicalUnits!, a.technicalUnits!),
    BIAYA_TERENDAH: (a, b) => cmpBig(a.correctedPrice, b.correctedPrice),
  };
  return scored.sort((a, b) => order[method](a, b) || lastResort(a, b)).map((bid, i) => ({ ...bid, rank: i + 1 }));
}
