import type { ProcurementCategory, ProcurementMethod } from "./procurement-types";
import type { MethodRule } from "./method-rules";

/**
 * A rule row as it crosses to the browser: plain JSON, the limit as a string (a bigint
 * does not survive JSON), the date as ISO. The form runs decideMethod on these.
 */
export interface MethodRuleRow {
  id: string;
  effectiveFrom: string;
  category: ProcurementCategory;
  method: ProcurementMethod;
  limit: string;
  methodAbove: ProcurementMethod;
  legalBasis: string;
}

export type StoredMethodRule = MethodRule & { id: string };

export function toRuleRow(rule: StoredMethodRule): MethodRuleRow {
  return { ...rule, effectiveFrom: rule.effectiveFrom.toISOString(), limit: rule.limit.toString() };
}

export function fromRuleRow(row: MethodRuleRow): StoredMethodRule {
  return { ...row, effectiveFrom: new Date(row.effectiveFrom), limit: BigInt(row.limit) };
}

/**
 * The methods a new rule row carries. At or below the limit: pengadaan langsung; above it
 * seleksi for consultancy (Perpres 16/2018 Pasal 41) and tender for the others (Pasal 38).
 * Tender cepat is chosen by the Pokja on the paket's facts, never by value, so no rule
 * row can produce it.
 */
export function methodsForNewRule(category: ProcurementCategory): {
  method: ProcurementMethod;
  methodAbove: ProcurementMethod;
} {
  return { method: "PENGADAAN_LANGSUNG", methodAbove: category === "JASA_KONSULTANSI" ? "SELEKSI" : "TENDER" };
}
