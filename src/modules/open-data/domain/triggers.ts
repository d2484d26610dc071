import type { TenderEvent } from "@/modules/tenders/domain";

/** The kinds of procurement published as OCDS processes (Prisma's OcdsProcessKind). */
export const OCDS_PROCESS_KINDS = ["TENDER", "DIRECT_PROCUREMENT", "NON_TENDER"] as const;
export type OcdsProcessKind = (typeof OCDS_PROCESS_KINDS)[number];

/**
 * What changed a tender: a lifecycle event (tenders/domain/lifecycle.ts) or an addendum.
 * The open-data module decides which of them publish a release and with which tags.
 */
export type TenderChangeTrigger = TenderEvent["kind"] | "addendum";
