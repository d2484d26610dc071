/**
 * How a tender's bids are judged, chosen when the tender is set up. It lives with the
 * tender (evaluation's domain already depends on tenders', not the reverse). Domain code's
 * own union (no Prisma here); src/server/domain-enums.ts checks it is exactly Prisma's
 * EvaluationMethod.
 */
export const EVALUATION_METHODS = ["HARGA_TERENDAH", "SISTEM_NILAI", "BIAYA_UMUR_EKONOMIS"] as const;
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];
