import type { EvaluationMethod } from "@/modules/tenders/domain";
import { isAbovePagu, isConsultancyMethod, passesTechnicalGrade } from "./consultancy";
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
  /** consultancy methods: bids below the technical passing grade (whole points) are not ranked */
  technicalPassingGrade?: number | null;
  /** pagu anggaran: bids priced above the pagu are not ranked */
  pagu?: bigint | null;
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
 * The consultancy methods (Perlem LKPP 12/2021 Lampiran II) rank only the bids at or above
 * the technical passing grade:
 * - KUALITAS: highest technical score (the price is negotiated afterwards); tie → earlier
 *   submission.
 * - KUALITAS_BIAYA: highest weighted total (as sistem nilai, the tender's weights); tie →
 *   higher technical score, then lower corrected price, then earlier submission.
 * - PAGU_ANGGARAN: bids above the pagu are dropped, then highest technical score; tie →
 *   lower corrected price, then earlier submission.
 * - BIAYA_TERENDAH: lowest corrected price; tie → higher technical score, then earlier
 *   submission.
 * The tie-breaks after the method's own criterion are Segel's (configuration, not law).
 */
export function rankBids(
  method: EvaluationMethod,
  candidates: readonly RankCandidate[],
  weights: Weights = { technicalWeight: null, priceWeight: null },
): RankedBid[] {
  const eligible = candidates.filter((c) => isEligible(method, c, weights));
  if (eligible.length === 0) return [];
  const lowest = eligible.reduce(
    (min, c) => (c.correctedPrice < min ? c.correctedPrice : min),
    eligible[0]!.correctedPrice,
  );
  const scored: RankedBid[] = eligible.map((c) => {
    if (method === "SISTEM_NILAI" || method === "KUALITAS_BIAYA") {
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
    KUALITAS: (a, b) => cmpNum(b.technicalUnits!, a.technicalUnits!),
    KUALITAS_BIAYA: (a, b) =>
      cmpNum(b.totalUnits!, a.totalUnits!) ||
      cmpNum(b.technicalUnits!, a.technicalUnits!) ||
      cmpBig(a.correctedPrice, b.correctedPrice),
    PAGU_ANGGARAN: (a, b) => cmpNum(b.technicalUnits!, a.technicalUnits!) || cmpBig(a.correctedPrice, b.correctedPrice),
    BIAYA_TERENDAH: (a, b) =>
      cmpBig(a.correctedPrice, b.correctedPrice) || cmpNum(b.technicalUnits!, a.technicalUnits!),
  };
  return scored.sort((a, b) => order[method](a, b) || lastResort(a, b)).map((bid, i) => ({ ...bid, rank: i + 1 }));
}

/** A consultancy method ranks only scored bids at or above the grade (and within the pagu). */
function isEligible(method: EvaluationMethod, c: RankCandidate, options: Weights): boolean {
  if (!isConsultancyMethod(method)) return true;
  if (c.technicalUnits === null) throw new RangeError("consultancy methods need technical scores");
  const grade = options.technicalPassingGrade ?? null;
  if (grade !== null && !passesTechnicalGrade(c.technicalUnits, grade)) return false;
  if (method === "PAGU_ANGGARAN") {
    if (options.pagu == null) throw new RangeError("pagu anggaran needs the pagu");
    return !isAbovePagu(c.correctedPrice, options.pagu);
  }
  return true;
}
