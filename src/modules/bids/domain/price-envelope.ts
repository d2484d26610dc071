import type { EvaluationMethod, TenderStatus } from "@/modules/tenders/domain";
import type { BidPart } from "./bid-part";

/**
 * Two envelopes (sistem dua file, Perpres 16/2018 jo. 12/2021 Pasal 39, metode dua file; Perlem LKPP
 * 12/2021 Lampiran II, seleksi): the price and the HARGA files are sealed to the tender's own
 * price key, opened only after the technical evaluation and only for the bids that passed it;
 * every other part (and the qualification form) goes to the opening key as on any tender.
 * Pure: whether the tender has a price key, the evaluations and the grade come in as arguments.
 */
export type Envelope = "OPENING" | "PRICE";

/** What is sealed: a bid file's part, the offered price, or the qualification form. */
export type SealedItem = BidPart | "PRICE" | "QUALIFICATION";

/** The one routing rule: on a two-envelope tender the price and the HARGA files go to the price key. */
export function envelopeOf(item: SealedItem, twoEnvelopes: boolean): Envelope {
  return twoEnvelopes && (item === "PRICE" || item === "HARGA") ? "PRICE" : "OPENING";
}

export interface TechnicalResult {
  bidId: string;
  submittedAt: Date;
  /** every evaluation stage recorded for the bid */
  evaluations: { stage: string; passed: boolean; score: number | null }[];
}

/** A bid passes the technical evaluation when no stage failed it and TEKNIS passed at or above the grade. */
export function passesTechnical(bid: TechnicalResult, passingGrade: number): boolean {
  if (bid.evaluations.some((e) => !e.passed)) return false;
  const teknis = bid.evaluations.find((e) => e.stage === "TEKNIS");
  return teknis !== undefined && teknis.score !== null && teknis.score >= passingGrade;
}

/** Decided: failed somewhere, or its TEKNIS result recorded. Undecided bids hold the price opening back. */
const decided = (bid: TechnicalResult) => bid.evaluations.some((e) => !e.passed || e.stage === "TEKNIS");

const teknisScore = (bid: TechnicalResult) => bid.evaluations.find((e) => e.stage === "TEKNIS")?.score ?? 0;

/**
 * Whose price envelopes the price opening opens: the bids that passed the technical
 * evaluation; for KUALITAS only the first-ranked's (Perlem LKPP 12/2021 Lampiran II: the
 * price of the best technical offer is opened and negotiated; the others stay sealed unless
 * that negotiation fails). First-ranked: the highest technical score; a tie goes to the
 * earlier submission, then the bid id (as evaluation/domain/ranking.ts breaks its last ties).
 */
export function bidsWhosePriceOpens(
  bids: readonly TechnicalResult[],
  passingGrade: number,
  method: EvaluationMethod | null,
): string[] {
  const passing = bids
    .filter((b) => passesTechnical(b, passingGrade))
    .sort(
      (a, b) =>
        teknisScore(b) - teknisScore(a) ||
        a.submittedAt.getTime() - b.submittedAt.getTime() ||
        (a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0),
    );
  return (method === "KUALITAS" ? passing.slice(0, 1) : passing).map((b) => b.bidId);
}

/**
 * The next bid whose price opens for KUALITAS when the negotiation with the ones opened so far
 * failed: the best-ranked passing bid not yet opened, or null when none is left.
 */
export function nextPriceToOpen(
  bids: readonly TechnicalResult[],
  passingGrade: number,
  alreadyOpened: readonly string[],
): string | null {
  const ranked = bidsWhosePriceOpens(bids, passingGrade, "BIAYA_TERENDAH");
  return ranked.find((id) => !alreadyOpened.includes(id)) ?? null;
}

export type PriceOpeningRefusal =
  | { key: "priceOpeningNotTwoFiles" }
  | { key: "priceOpeningNotOpened" }
  | { key: "priceOpeningAlreadyDone" }
  | { key: "priceOpeningNotEvaluation" }
  | { key: "priceOpeningBeforeStage"; startsAt: Date | null }
  | { key: "priceOpeningTechnicalPending"; pending: number };

export interface PriceOpeningState {
  hasPriceKey: boolean;
  status: TenderStatus;
  openedAt: Date | null;
  priceOpenedAt: Date | null;
  /** the PEMBUKAAN_HARGA stage's start; null: the schedule has no such stage */
  stageStartsAt: Date | null;
  bids: readonly TechnicalResult[];
}

/**
 * Why the price envelopes cannot be opened at `now` (the database clock), or null: only on
 * a two-envelope tender, after the first opening, during the evaluation, from the start of
 * the PEMBUKAAN_HARGA stage, once the technical evaluation decided every bid, and once.
 */
export function priceOpeningRefusal(state: PriceOpeningState, now: Date): PriceOpeningRefusal | null {
  if (!state.hasPriceKey) return { key: "priceOpeningNotTwoFiles" };
  if (state.priceOpenedAt) return { key: "priceOpeningAlreadyDone" };
  if (!state.openedAt) return { key: "priceOpeningNotOpened" };
  if (state.status !== "EVALUATION") return { key: "priceOpeningNotEvaluation" };
  if (!state.stageStartsAt || now.getTime() < state.stageStartsAt.getTime())
    return { key: "priceOpeningBeforeStage", startsAt: state.stageStartsAt };
  const pending = state.bids.filter((b) => !decided(b)).length;
  if (pending > 0) return { key: "priceOpeningTechnicalPending", pending };
  return null;
}
