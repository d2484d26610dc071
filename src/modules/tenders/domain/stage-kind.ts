/**
 * The kinds of stage a tender's schedule is made of, in the order SPSE lists them. Domain
 * code's own union (no Prisma here); src/server/domain-enums.ts checks it is exactly
 * Prisma's StageKind.
 */
export const STAGE_KINDS = [
  "PENGUMUMAN",
  "DOWNLOAD_DOKUMEN",
  "PRAKUALIFIKASI",
  "PENGUMUMAN_HASIL_PRAKUALIFIKASI",
  "SANGGAH_PRAKUALIFIKASI",
  "UNDANGAN",
  "PEMBERIAN_PENJELASAN",
  "UPLOAD_PENAWARAN",
  "PEMBUKAAN",
  "EVALUASI",
  "PEMBUKAAN_HARGA",
  "EVALUASI_HARGA",
  "KLARIFIKASI_NEGOSIASI",
  "PEMBUKTIAN_KUALIFIKASI",
  "PENETAPAN_PEMENANG",
  "PENGUMUMAN_PEMENANG",
  "MASA_SANGGAH",
  "SANGGAH_BANDING",
  "PENUNJUKAN_PEMENANG",
  "PENANDATANGANAN_KONTRAK",
] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
