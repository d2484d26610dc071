import type { ProcurementCategory } from "@/modules/paket/domain";

/**
 * The numbers of bid evaluation, as a versioned table: a change in the law is a new row,
 * and a tender is judged by the row in force when it was announced (house style).
 */
export interface EvaluationRule {
  /** first day (UTC) the row applies */
  effectiveFrom: Date;
  /**
   * Harga penawaran terkoreksi below this percentage of HPS must be clarified for
   * reasonableness before it can win (Perlem LKPP 12/2021, Lampiran II, evaluasi harga;
   * performance bond then 5% of HPS, Perpres 16/2018 jo. 12/2021 Pasal 33).
   */
  lowPriceThresholdPercent: number;
  /** the categories the low-price check applies to: construction works only */
  lowPriceCategories: readonly ProcurementCategory[];
  legalBasis: string;
}

export const EVALUATION_RULES: readonly EvaluationRule[] = [
  {
    effectiveFrom: new Date("2021-06-01T00:00:00Z"),
    lowPriceThresholdPercent: 80,
    lowPriceCategories: ["PEKERJAAN_KONSTRUKSI"],
    legalBasis: "Perpres 16/2018 jo. Perpres 12/2021; Perlem LKPP 12/2021 Lampiran II",
  },
];

/** The row in force on `date`; before the first row, the first row (no older rule is modelled). */
export function evaluationRuleAt(date: Date, rules: readonly EvaluationRule[] = EVALUATION_RULES): EvaluationRule {
  let found = rules[0]!;
  for (const rule of rules)
    if (rule.effectiveFrom.getTime() <= date.getTime() && rule.effectiveFrom >= found.effectiveFrom) found = rule;
  return found;
}

/**
 * Evaluation runs in this order (Perlem LKPP 12/2021, Lampiran II: administrasi,
 * kualifikasi, teknis, harga); a bid that fails one stage is not judged in the next.
 * PEMBUKTIAN (checking the originals) follows for the best-ranked bids only.
 */
export const EVALUATION_STAGES = ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA"] as const;
export type OrderedStage = (typeof EVALUATION_STAGES)[number];
/** Every stage a decision is recorded at (Prisma's EvaluationStage, checked in src/server/domain-enums.ts). */
export type EvaluationStage = OrderedStage | "PEMBUKTIAN";

/** A decision must say why in words a bidder can act on (and the sanggah can answer). */
export const REASON_MIN_LENGTH = 10;
export const REASON_MAX_LENGTH = 2000;
/** The written reasonableness clarification of a low construction bid. */
export const CLARIFICATION_MIN_LENGTH = 20;
export const CLARIFICATION_MAX_LENGTH = 4000;

/** Scores run 0..100 with three decimals (Evaluation.score is Decimal(7,3)). */
export const SCORE_MAX = 100;
export const SCORE_DECIMALS = 3;

/** Penetapan names the winner and up to two reserves (Perpres 16/2018 jo. 12/2021). */
export const RESERVE_COUNT = 2;
