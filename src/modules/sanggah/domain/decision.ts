/**
 * The answer to a sanggah or a sanggah banding (Perpres 16/2018 Pasal 50-51): the
 * objection is right (ACCEPTED) or it is not (REJECTED). Null on a record means not yet
 * answered. The database enum SanggahDecision holds the same values (checked in src/server/domain-enums.ts).
 */
export const SANGGAH_DECISIONS = ["ACCEPTED", "REJECTED"] as const;
export type SanggahDecision = (typeof SANGGAH_DECISIONS)[number];
