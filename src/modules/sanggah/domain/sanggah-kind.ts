/**
 * A sanggah objects to the Pokja's result; a sanggah banding appeals the Pokja's answer to
 * the KPA (Perpres 16/2018 Pasal 50). Prisma's SanggahKind (checked in
 * src/server/domain-enums.ts).
 */
export const SANGGAH_KINDS = ["SANGGAH", "SANGGAH_BANDING", "SANGGAH_PRAKUALIFIKASI"] as const;
export type SanggahKind = (typeof SANGGAH_KINDS)[number];
