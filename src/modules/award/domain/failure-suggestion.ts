/** One bid as the failure rules see it. */
export interface FailureInput {
  /** passed administrasi, kualifikasi, teknis, harga and pembuktian (a seleksi's: its prakualifikasi) */
  passedAllStages: boolean;
  /** its (corrected, else opened) price is above HPS */
  isAboveHps: boolean;
}

export type FailureSuggestion = "NOBODY_PASSES" | "ALL_ABOVE_HPS" | null;

/**
 * Which tender-gagal ground applies when no winner can be named (Perpres 16/2018 jo.
 * 12/2021 Pasal 51; Perlem LKPP 12/2021): null while some bid passes every stage;
 * ALL_ABOVE_HPS when every bid is priced above HPS; otherwise NOBODY_PASSES (also with
 * no evaluated bid at all: the zero-bid ground NO_BIDS is decided before evaluation).
 * For declare-tender-failed to propose the ground; the Pokja still decides.
 */
export function failureSuggestion(bids: readonly FailureInput[]): FailureSuggestion {
  if (bids.some((b) => b.passedAllStages)) return null;
  if (bids.length > 0 && bids.every((b) => b.isAboveHps)) return "ALL_ABOVE_HPS";
  return "NOBODY_PASSES";
}
