/**
 * Pencatatan non-tender records a procurement that did not run through Segel's own
 * selection (done while the system was down, an emergency under Perlem LKPP 6/2024,
 * swakelola, e-purchasing, ...). The record is the public's only account of why there
 * was no competition, so it must say why in more than a word.
 */
export const NON_TENDER_RULE = {
  minReasonLength: 20,
  maxReasonLength: 4000,
} as const;

/** Keys in the "errors" messages. */
export type NonTenderProblem = "reasonTooShort" | "amountPositive" | "realizedInFuture";

export interface NonTenderFacts {
  reason: string;
  value: bigint;
  /** the day it was realised, YYYY-MM-DD in the agency's zone */
  realizedOn: string;
  /** today by the database clock, YYYY-MM-DD in the agency's zone */
  today: string;
}

/** The first thing wrong with a record, or null. Dates compare as ISO strings (YYYY-MM-DD). */
export function findNonTenderProblem(facts: NonTenderFacts): NonTenderProblem | null {
  if (facts.reason.trim().length < NON_TENDER_RULE.minReasonLength) return "reasonTooShort";
  if (facts.value <= 0n) return "amountPositive";
  if (facts.realizedOn > facts.today) return "realizedInFuture";
  return null;
}
