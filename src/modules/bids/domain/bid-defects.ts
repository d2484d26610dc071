/**
 * What the opening can find wrong with one bid (docs/decisions/0007). Domain code's own
 * union (no Prisma here); src/server/domain-enums.ts checks it is exactly Prisma's
 * BidDefectCode.
 */
export const BID_DEFECT_CODES = [
  "RECEIPT_INVALID",
  "PRICE_UNOPENABLE",
  "PRICE_MALFORMED",
  "PRICE_ABOVE_CEILING",
  "PRICE_COMMITMENT_MISMATCH",
  "FILE_UNOPENABLE",
  "FILE_COMMITMENT_MISMATCH",
  "FILE_MISSING",
  // the sealed qualification form (issue 15)
  "QUALIFICATION_UNOPENABLE",
  "QUALIFICATION_MALFORMED",
  "QUALIFICATION_COMMITMENT_MISMATCH",
] as const;
export type BidDefectCode = (typeof BID_DEFECT_CODES)[number];
