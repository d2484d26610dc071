import type { ProcurementCategory } from "@/modules/paket/domain";

/**
 * Jaminan penawaran (bid security). Perpres 16/2018 Pasal 30 jo. Perpres 12/2021:
 * required only for Pekerjaan Konstruksi (and Pekerjaan Terintegrasi, not a category in
 * Segel yet) with HPS above Rp10.000.000.000; its amount is 1% to 3% of HPS.
 * A change in the law is a change of this constant, not of the pages or use cases.
 */
export const BID_SECURITY_RULE = {
  legalBasis: "Perpres 16/2018 Pasal 30 jo. Perpres 12/2021",
  categories: ["PEKERJAAN_KONSTRUKSI"] as readonly ProcurementCategory[],
  /** strictly above: exactly Rp10 miliar needs no bid security */
  hpsAbove: 10_000_000_000n,
  minPercent: 1n,
  maxPercent: 3n,
} as const;

export type BidSecurityRequirement = { required: false } | { required: true; min: bigint; max: bigint };

/** ceil(a / b) for non-negative bigints (bigint division truncates). */
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

export function bidSecurityRequirement(category: ProcurementCategory, hps: bigint | null): BidSecurityRequirement {
  const rule = BID_SECURITY_RULE;
  if (hps === null || !rule.categories.includes(category) || hps <= rule.hpsAbove) return { required: false };
  // Whole rupiah inside the range: round the lower bound up and the upper bound down,
  // so 1% of an HPS that is not a multiple of 100 is never undershot.
  return { required: true, min: ceilDiv(hps * rule.minPercent, 100n), max: (hps * rule.maxPercent) / 100n };
}

export type BidSecurityProblem = "bidSecurityMissing" | "bidSecurityOutOfRange" | "bidSecurityNotApplicable";

/** null when the amount fits the rule; otherwise the message key of the problem. */
export function checkBidSecurity(
  category: ProcurementCategory,
  hps: bigint | null,
  amount: bigint | null,
): BidSecurityProblem | null {
  const requirement = bidSecurityRequirement(category, hps);
  if (!requirement.required) return amount === null ? null : "bidSecurityNotApplicable";
  if (amount === null) return "bidSecurityMissing";
  return amount < requirement.min || amount > requirement.max ? "bidSecurityOutOfRange" : null;
}
