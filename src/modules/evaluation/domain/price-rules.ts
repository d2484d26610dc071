import type { ProcurementCategory } from "@/modules/paket/domain";
import type { EvaluationRule } from "./evaluation-rules";

/**
 * "HPS is the highest valid bid": a corrected price above HPS fails the price stage
 * (Perpres 16/2018 jo. 12/2021 Pasal 26 ayat (5); Perlem LKPP 12/2021 Lampiran II).
 * Exactly HPS is valid.
 */
export function isAboveHps(correctedPrice: bigint, hps: bigint): boolean {
  return correctedPrice > hps;
}

/**
 * A construction bid below the rule's share of HPS is flagged for a reasonableness
 * clarification. Integer-exact: price/hps < p/100  <=>  price*100 < hps*p.
 * Exactly at the threshold is not flagged.
 */
export function isLowPriceFlagged(
  category: ProcurementCategory,
  correctedPrice: bigint,
  hps: bigint,
  rule: EvaluationRule,
): boolean {
  if (!rule.lowPriceCategories.includes(category)) return false;
  return correctedPrice * 100n < hps * BigInt(rule.lowPriceThresholdPercent);
}

const POKJA_NOTE = "\nCatatan Pokja: ";

/** The reason stored when a price above HPS fails: the rule's words, then the Pokja's own note. */
export function aboveHpsReason(priceText: string, hpsText: string, note: string): string {
  return `Harga penawaran terkoreksi ${priceText} melebihi HPS ${hpsText}; penawaran dinyatakan gugur.${POKJA_NOTE}${note}`;
}

/** The Pokja's own words in a stored reason, so a form can show them again for editing. */
export function pokjaNoteOf(reason: string): string {
  const at = reason.indexOf(POKJA_NOTE);
  return at === -1 ? reason : reason.slice(at + POKJA_NOTE.length);
}
