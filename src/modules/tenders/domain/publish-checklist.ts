import type { EvaluationMethod } from "./evaluation-method";
import type { ProcurementCategory } from "@/modules/paket/domain";
import { checkBidSecurity } from "./bid-security";
import { TENDER_CEPAT_EVALUATION } from "./tender-cepat";
import { validateSchedule, type ScheduleProblem, type StageWindow } from "./schedule";
import { isWeighted } from "./procedure-methods";

/** Sistem nilai: technical and price weights in whole percent that together make 100. */
export const WEIGHT_TOTAL = 100;

export interface TenderSetup {
  category: ProcurementCategory;
  hps: bigint | null;
  selectionDocumentCount: number;
  qualification: string | null;
  evaluationMethod: EvaluationMethod | null;
  technicalWeight: number | null;
  priceWeight: number | null;
  bidSecurityAmount: bigint | null;
  stages: readonly StageWindow[];
  pokjaMemberCount: number;
  method: string;
  /** how many checkable requirements (KBLI, permits) the tender lists */
  requirementCount: number;
}

/**
 * One missing or wrong item. `field` names where it belongs (for a schedule problem
 * "schedule.<STAGE>"), `key` is the message under tender.checklist in the messages.
 */
export interface ChecklistItem {
  field: string;
  key: string;
}

export function checkWeights(
  method: EvaluationMethod | null,
  technical: number | null,
  price: number | null,
): string | null {
  if (!isWeighted(method)) return null;
  if (technical === null || price === null) return "weightsMissing";
  return technical + price === WEIGHT_TOTAL && technical >= 0 && price >= 0 ? null : "weightsNotHundred";
}

/** Every item that keeps the tender from being announced at `now`; empty when it may go. */
export function publishChecklist(setup: TenderSetup, now: Date): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  if (setup.pokjaMemberCount === 0) items.push({ field: "pokja", key: "noPokja" });
  if (setup.hps === null) items.push({ field: "hps", key: "noHps" });
  if (setup.selectionDocumentCount === 0) items.push({ field: "document", key: "noSelectionDocument" });
  const isCepat = setup.method === "TENDER_CEPAT";
  // A Tender Cepat qualifies bidders from their verified profile, so it needs the checkable
  // list; the words are optional there (configuration, not law).
  if (isCepat && setup.requirementCount === 0) items.push({ field: "requiredKbli", key: "cepatNoRequirements" });
  if (!isCepat && !setup.qualification?.trim()) items.push({ field: "qualification", key: "noQualification" });
  if (setup.evaluationMethod === null) items.push({ field: "evaluationMethod", key: "noEvaluationMethod" });
  else if (isCepat && setup.evaluationMethod !== TENDER_CEPAT_EVALUATION)
    items.push({ field: "evaluationMethod", key: "cepatPriceOnly" });
  const weights = checkWeights(setup.evaluationMethod, setup.technicalWeight, setup.priceWeight);
  if (weights) items.push({ field: "technicalWeight", key: weights });
  const bidSecurity = checkBidSecurity(setup.category, setup.hps, setup.bidSecurityAmount);
  if (bidSecurity) items.push({ field: "bidSecurityAmount", key: bidSecurity });
  return [...items, ...scheduleItems(validateSchedule(setup.stages, now))];
}

/** Schedule problems as checklist items on the field "schedule.<STAGE>". */
export function scheduleItems(problems: readonly ScheduleProblem[]): ChecklistItem[] {
  return problems.map((p) => ({ field: p.kind ? `schedule.${p.kind}` : "schedule", key: p.key }));
}

/** The checklist as AppError field errors: { field: [key, ...] }. */
export function toFieldErrors(items: readonly ChecklistItem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const item of items) (out[item.field] ??= []).push(item.key);
  return out;
}
