import { TRANSITIONS, type TenderStatus } from "@/modules/tenders/domain";

/**
 * Tender batal: the selection is stopped before a contract exists. Perpres 16/2018 as
 * amended by Perpres 12/2021 names tender gagal (Pasal 51) but no article on cancelling a
 * tender; the practice rests on Perlem LKPP 12/2021 Lampiran II (penghentian/pembatalan
 * of the selection) and SPSE's "Tender Batal": the Pokja records it with a reason, and
 * for grounds about the paket itself (its budget, the need for it) the decision is the
 * PA/KPA's, as the budget holder. Until the SPPBJ (after it there is a contract matter
 * for the PPK, not a selection to stop): the statuses come from the lifecycle table.
 */
export const CANCELLABLE_STATUSES: readonly TenderStatus[] = TRANSITIONS.cancelled.from;

/**
 * The grounds a Pokja member chooses from, and who decides each. Configuration, not law
 * (docs/decisions/0023-tender-cancellation.md): the regulation lists no closed set. A
 * ground the PA/KPA decides needs its letter attached; Segel records it, it does not
 * replace the signed decision.
 */
export const CANCELLATION_GROUNDS = [
  "BUDGET_UNAVAILABLE",
  "NEED_CHANGED",
  "FORCE_MAJEURE",
  "INTEGRITY",
  "OTHER",
] as const;
export type CancellationGround = (typeof CANCELLATION_GROUNDS)[number];

export const GROUND_DECIDED_BY: Record<CancellationGround, "PA_KPA" | "POKJA"> = {
  BUDGET_UNAVAILABLE: "PA_KPA",
  NEED_CHANGED: "PA_KPA",
  FORCE_MAJEURE: "POKJA",
  // KKN involving the Pokja or the PPK is not theirs to judge (cf. Pasal 51 as amended)
  INTEGRITY: "PA_KPA",
  OTHER: "POKJA",
};

/** How many letters and minutes one cancellation may carry (configuration, not law). */
export const MAX_CANCELLATION_DOCUMENTS = 10;

export type CancelRefusal = { ok: false; code: "INVALID_STATE" | "VALIDATION"; key: string; field?: string };

/** May a tender in `status` be cancelled on `ground` with `documentCount` letters attached? */
export function checkCancel(
  status: TenderStatus,
  ground: CancellationGround,
  documentCount: number,
): { ok: true } | CancelRefusal {
  if (status === "COMPLETED") return { ok: false, code: "INVALID_STATE", key: "cancelAfterSppbj" };
  if (!CANCELLABLE_STATUSES.includes(status)) return { ok: false, code: "INVALID_STATE", key: "cancelTenderEnded" };
  if (GROUND_DECIDED_BY[ground] === "PA_KPA" && documentCount === 0)
    return { ok: false, code: "VALIDATION", key: "cancelNeedsLetter", field: "documentIds" };
  return { ok: true };
}

/** Letters may be attached while the tender can still be cancelled. */
export function checkAttachCancellationDocument(status: TenderStatus): { ok: true } | CancelRefusal {
  if (status === "COMPLETED") return { ok: false, code: "INVALID_STATE", key: "cancelAfterSppbj" };
  if (!CANCELLABLE_STATUSES.includes(status)) return { ok: false, code: "INVALID_STATE", key: "cancelTenderEnded" };
  return { ok: true };
}
