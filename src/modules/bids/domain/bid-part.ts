/**
 * The four parts of a bid, in the order a vendor uploads them and the opening reads them.
 * Domain code's own union (no Prisma here); src/server/domain-enums.ts checks it is exactly
 * Prisma's BidPart.
 */
export const BID_PARTS = ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA", "JAMINAN_PENAWARAN"] as const;
export type BidPart = (typeof BID_PARTS)[number];
