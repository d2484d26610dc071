import type { EvaluationMethod, ProcurementCategory } from "@/generated/prisma/enums";
import { checkBidSecurity } from "./bid-security";
import { validateSchedule, type ScheduleProblem, type StageWindow } from "./schedule";

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
}

/**
 * One missing or wrong item. `field` names where it belongs (for a schedule problem
 * "schedule.<STAGE>"), `key` is the message under tender.checklist in the messages.
 */
export interface ChecklistItem {
  field: string;
  key: string;
}

export function checkWeights(method: EvaluationMethod | null, technical: number | null, price: number | null): string | null {
  if (method !== "SISTEM_NILAI") return null;
  if (technical === null || price === null) return "weightsMissing";
  return technical + price === WEIGHT_TOTAL && technical >= 0 && price >= 0 ? null : "weightsNotHundred";
}

/** Every item that keeps the tender from being announced at `now`; empty when it may go. */
export function publishChecklist(setup: TenderSetup, now: Date): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  if (setup.pokjaMemberCount === 0) items.push({ field: "pokja", key: "noPokja" });
  if (setup.hps === null) items.push({ field: "hps", key: "noHps" });
  if (setup.selectionDocumentCount === 0) items.push({ field: "document", key: "noSelectionDocument" });
  if (!setup.qualification?.trim()) items.push({ field: "qualification", key: "noQualification" });
  if (setup.evaluationMethod === null) items.push({ field: "evaluationMethod", key: "noEvaluationMethod" });
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
