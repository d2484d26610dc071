import type { ProcurementCategory, ProcurementMethod } from "./procurement-types";

/**
 * One row of the versioned rule table: from `effectiveFrom` on, a paket of `category`
 * whose value is at or below `limit` uses `method`. A change in the law is a new row;
 * a paket is judged by the rows in force on its own date.
 */
export interface MethodRule {
  effectiveFrom: Date;
  category: ProcurementCategory;
  /** the method used at or below the limit (pengadaan langsung) */
  method: ProcurementMethod;
  limit: bigint;
  /** the method used above the limit (tender, or seleksi for consultancy) */
  methodAbove: ProcurementMethod;
  legalBasis: string;
}

export interface MethodDecision<R extends MethodRule = MethodRule> {
  method: ProcurementMethod;
  rule: R;
  /** true when the value is at or below the rule's limit */
  withinLimit: boolean;
}

/** The row in force for a category on a date: the latest effectiveFrom not after it. */
export function ruleInForce<R extends MethodRule>(
  rules: readonly R[],
  category: ProcurementCategory,
  on: Date,
): R | null {
  let best: R | null = null;
  for (const rule of rules) {
    if (rule.category !== category || rule.effectiveFrom.getTime() > on.getTime()) continue;
    if (!best || rule.effectiveFrom.getTime() > best.effectiveFrom.getTime()) best = rule;
  }
  return best;
}

/**
 * Which method a paket's value leads to. "Up to" includes the limit: exactly
 * Rp200.000.000 of goods is still pengadaan langsung (Perpres 16/2018 art. 38 jo.
 * Perpres 12/2021; construction Rp400.000.000 since Perpres 46/2025).
 */
export function decideMethod<R extends MethodRule>(
  rules: readonly R[],
  input: { category: ProcurementCategory; value: bigint; on: Date },
): MethodDecision<R> | null {
  const rule = ruleInForce(rules, input.category, input.on);
  if (!rule) return null;
  const withinLimit = input.value <= rule.limit;
  return { method: withinLimit ? rule.method : rule.methodAbove, rule, withinLimit };
}
