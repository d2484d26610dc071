/** Klarifikasi dan negosiasi's outcome (seleksi): Prisma's NegotiationOutcome, held in src/server/domain-enums.ts. */
export const NEGOTIATION_OUTCOMES = ["AGREED", "FAILED"] as const;
export type NegotiationOutcome = (typeof NEGOTIATION_OUTCOMES)[number];
