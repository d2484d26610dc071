import type { ContractStatus } from "./contract-enums";

/**
 * The contract's steps (Perpres 16/2018 Pasal 52-57, the contract after the SPPBJ, and Perlem LKPP 12/2021 on
 * its documents): the PPK drafts, the vendor reviews and asks for a
 * change or signs, the PPK signs after the vendor, the SPMK starts the work. The order
 * (vendor first) is SPSE's e-Kontrak habit: configuration, not law. H's steps (progress, BAST,
 * addenda, termination) have their own rules.
 */
export type ContractStep = "edit" | "send" | "requestChange" | "vendorSign" | "ppkSign" | "issueSpmk";

export interface ContractState {
  status: ContractStatus;
  vendorSigned: boolean;
}

/** The status a step leaves, or null when the step is not open in this state. */
export function contractStep(state: ContractState, step: ContractStep): ContractStatus | null {
  const { status, vendorSigned } = state;
  switch (step) {
    case "edit":
    case "send":
      return status === "DRAFT" ? (step === "send" ? "VENDOR_REVIEW" : "DRAFT") : null;
    case "requestChange":
      return status === "VENDOR_REVIEW" && !vendorSigned ? "DRAFT" : null;
    case "vendorSign":
      return status === "VENDOR_REVIEW" && !vendorSigned ? "VENDOR_REVIEW" : null;
    case "ppkSign":
      return status === "VENDOR_REVIEW" && vendorSigned ? "SIGNED" : null;
    case "issueSpmk":
      return status === "SIGNED" ? "ACTIVE" : null;
  }
}

/** The errors.json key of a refused step: what the user must wait for. */
export function stepRefusal(state: ContractState, step: ContractStep): string {
  if (step === "ppkSign" && state.status === "VENDOR_REVIEW") return "contract.vendorNotSigned";
  if ((step === "vendorSign" || step === "requestChange") && state.vendorSigned) return "contract.alreadySigned";
  if (step === "issueSpmk") return "contract.notSigned";
  return step === "edit" || step === "send" ? "contract.notDraft" : "contract.notInReview";
}

/**
 * The contract period: configuration, not law (the paket holds no period of its own; a
 * multi-year contract's approval is out of scope). The work cannot begin before the SPPBJ
 * that appointed the vendor, ends after it begins, and lasts at most maxDays.
 */
export const CONTRACT_PERIOD_LIMITS = { maxDays: 3 * 366 } as const;

export type PeriodIssue = "periodEndBeforeStart" | "periodBeforeSppbj" | "periodTooLong";

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Days as YYYY-MM-DD in the agency's zone. */
export function periodIssue(startsOn: string, endsOn: string, sppbjDay: string): PeriodIssue | null {
  if (endsOn <= startsOn) return "periodEndBeforeStart";
  if (startsOn < sppbjDay) return "periodBeforeSppbj";
  return dayNumber(endsOn) - dayNumber(startsOn) > CONTRACT_PERIOD_LIMITS.maxDays ? "periodTooLong" : null;
}

/** The contract's number: one contract per tender, so the tender's code makes it unique. */
export function contractNumber(tenderCode: string, agencyCode: string, year: string): string {
  return `KONTRAK/${tenderCode}/${agencyCode}/${year}`;
}

/** The SPMK's number, from the contract's. */
export function spmkNumber(contractNo: string): string {
  return contractNo.replace(/^KONTRAK\//, "SPMK/");
}
