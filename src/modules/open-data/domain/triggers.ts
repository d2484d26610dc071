import type { TenderEvent } from "@/modules/tenders/domain";

/** The kinds of procurement published as OCDS processes (Prisma's OcdsProcessKind). */
export const OCDS_PROCESS_KINDS = ["TENDER", "DIRECT_PROCUREMENT", "NON_TENDER"] as const;
export type OcdsProcessKind = (typeof OCDS_PROCESS_KINDS)[number];

/**
 * What changed the tender's contract (e-Kontrak, src/modules/contracts: contractChanged): it
 * is published from the signing on; a draft under review is not public.
 */
export const CONTRACT_CHANGE_TRIGGERS = [
  "contractSigned",
  "spmkIssued",
  "contractAmended",
  "contractProgress",
  "contractCompleted",
  "contractTerminated",
] as const;
export type ContractChangeTrigger = (typeof CONTRACT_CHANGE_TRIGGERS)[number];

/**
 * What changed a tender: a lifecycle event (tenders/domain/lifecycle.ts), an addendum, or its
 * contract. The open-data module decides which of them publish a release and with which tags.
 */
export type TenderChangeTrigger = TenderEvent["kind"] | "addendum" | ContractChangeTrigger;
