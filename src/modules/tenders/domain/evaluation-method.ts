/**
 * How a tender's bids are judged, chosen when the tender is set up. It lives with the
 * tender (evaluation's domain already depends on tenders', not the reverse). Domain code's
 * own union (no Prisma here); src/server/domain-enums.ts checks it is exactly Prisma's
 * EvaluationMethod.
 */
export const EVALUATION_METHODS = [
  "HARGA_TERENDAH",
  "SISTEM_NILAI",
  "BIAYA_UMUR_EKONOMIS",
  // consultancy (seleksi), Perlem LKPP 12/2021 Lampiran II
  "KUALITAS",
  "KUALITAS_BIAYA",
  "PAGU_ANGGARAN",
  "BIAYA_TERENDAH",
] as const;
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];
