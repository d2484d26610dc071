/**
 * Where a tender is in its lifecycle, and why a failed one failed. Domain code's own unions
 * (no Prisma here); src/server/domain-enums.ts checks each is exactly Prisma's enum.
 */
export const TENDER_STATUSES = [
  "DRAFT",
  "PUBLISHED",
  "EVALUATION",
  "AWARDED",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "TRANSFERRED",
] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];

export const FAILURE_KINDS = [
  "NO_BIDS",
  "TOO_FEW_BIDS",
  "NOBODY_PASSES",
  "ALL_ABOVE_HPS",
  "DOCUMENT_ERROR",
  "COLLUSION",
  "OTHER",
  "PREQUALIFICATION_FAILED",
] as const;
export type TenderFailureKind = (typeof FAILURE_KINDS)[number];
