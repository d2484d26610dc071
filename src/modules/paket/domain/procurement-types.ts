/**
 * What a paket buys and how its provider is chosen (Perpres 16/2018 Pasal 38 and 41). Domain
 * code's own unions (no Prisma here); src/server/domain-enums.ts checks each is exactly
 * Prisma's enum.
 */
export const PROCUREMENT_CATEGORIES = ["BARANG", "PEKERJAAN_KONSTRUKSI", "JASA_KONSULTANSI", "JASA_LAINNYA"] as const;
export type ProcurementCategory = (typeof PROCUREMENT_CATEGORIES)[number];

export const PROCUREMENT_METHODS = [
  "PENGADAAN_LANGSUNG",
  "TENDER",
  "TENDER_CEPAT",
  "SELEKSI",
  "PENUNJUKAN_LANGSUNG",
  "E_PURCHASING",
] as const;
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];
