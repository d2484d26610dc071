import type { ProcurementCategory, ProcurementMethod, StageKind } from "@/generated/prisma/enums";

/**
 * How a method runs, read from the ProcedureConfig table. Code asks these flags, never
 * the method's name, so a new procedure is a new row.
 */
export interface Procedure {
  key: string;
  name: string;
  method: ProcurementMethod;
  categories: ProcurementCategory[];
  stages: { kind: StageKind; days: number }[];
  hasPrakualifikasi: boolean;
  hasSanggahBanding: boolean;
  twoFiles: boolean;
  minBids: number;
  maxDeadlineExtensions: number;
  sanggahDays: number;
  sanggahAnswerDays: number;
  bandingDays: number;
  bandingAnswerDays: number;
}

const SANGGAH = { sanggahDays: 5, sanggahAnswerDays: 3, bandingDays: 5, bandingAnswerDays: 14 };

// Durations are defaults the Pokja adjusts; besides the sanggah windows (Perpres 16/2018
// jo. Perlem LKPP 12/2021) no minimum stage lengths were found in force.
const PASCA_STAGES: Procedure["stages"] = [
  { kind: "PENGUMUMAN", days: 3 },
  { kind: "PEMBERIAN_PENJELASAN", days: 2 },
  { kind: "UPLOAD_PENAWARAN", days: 7 },
  { kind: "PEMBUKAAN", days: 1 },
  { kind: "EVALUASI", days: 5 },
  { kind: "PEMBUKTIAN_KUALIFIKASI", days: 2 },
  { kind: "PENETAPAN_PEMENANG", days: 1 },
  { kind: "PENGUMUMAN_PEMENANG", days: 1 },
  { kind: "MASA_SANGGAH", days: 5 },
  { kind: "PENUNJUKAN_PEMENANG", days: 3 },
];

export const DEFAULT_PROCEDURES: Procedure[] = [
  {
    key: "tender-pascakualifikasi",
    name: "Tender Pascakualifikasi Satu File (Barang/Jasa Lainnya)",
    method: "TENDER",
    categories: ["BARANG", "JASA_LAINNYA"],
    stages: PASCA_STAGES,
    hasPrakualifikasi: false,
    hasSanggahBanding: false,
    twoFiles: false,
    minBids: 1,
    maxDeadlineExtensions: 1,
    ...SANGGAH,
  },
  {
    key: "tender-pascakualifikasi-konstruksi",
    name: "Tender Pascakualifikasi Satu File (Pekerjaan Konstruksi)",
    method: "TENDER",
    categories: ["PEKERJAAN_KONSTRUKSI"],
    // sanggah banding: construction only, 5 days after the sanggah answer
    stages: [...PASCA_STAGES.slice(0, 9), { kind: "SANGGAH_BANDING", days: 5 }, { kind: "PENUNJUKAN_PEMENANG", days: 3 }],
    hasPrakualifikasi: false,
    hasSanggahBanding: true,
    twoFiles: false,
    minBids: 1,
    maxDeadlineExtensions: 1,
    ...SANGGAH,
  },
  {
    key: "tender-cepat",
    name: "Tender Cepat",
    method: "TENDER_CEPAT",
    categories: ["BARANG", "PEKERJAAN_KONSTRUKSI", "JASA_LAINNYA"],
    stages: [
      { kind: "PENGUMUMAN", days: 1 },
      { kind: "UPLOAD_PENAWARAN", days: 3 },
      { kind: "PEMBUKAAN", days: 1 },
      { kind: "EVALUASI", days: 1 },
      { kind: "PENETAPAN_PEMENANG", days: 1 },
      { kind: "PENGUMUMAN_PEMENANG", days: 1 },
      { kind: "MASA_SANGGAH", days: 5 },
      { kind: "PENUNJUKAN_PEMENANG", days: 2 },
    ],
    hasPrakualifikasi: false,
    hasSanggahBanding: false,
    twoFiles: false,
    // tender cepat fails with 0 or 1 bid
    minBids: 2,
    maxDeadlineExtensions: 0,
    ...SANGGAH,
  },
  {
    key: "seleksi-prakualifikasi-dua-file",
    name: "Seleksi Prakualifikasi Dua File (Jasa Konsultansi)",
    method: "SELEKSI",
    categories: ["JASA_KONSULTANSI"],
    stages: [
      { kind: "PENGUMUMAN", days: 3 },
      { kind: "PRAKUALIFIKASI", days: 5 },
      { kind: "PENGUMUMAN_HASIL_PRAKUALIFIKASI", days: 1 },
      { kind: "SANGGAH_PRAKUALIFIKASI", days: 5 },
      { kind: "UNDANGAN", days: 1 },
      { kind: "PEMBERIAN_PENJELASAN", days: 2 },
      { kind: "UPLOAD_PENAWARAN", days: 7 },
      { kind: "PEMBUKAAN", days: 1 },
      { kind: "EVALUASI", days: 5 },
      { kind: "PEMBUKAAN_HARGA", days: 1 },
      { kind: "EVALUASI_HARGA", days: 2 },
      { kind: "KLARIFIKASI_NEGOSIASI", days: 3 },
      { kind: "PENETAPAN_PEMENANG", days: 1 },
      { kind: "PENGUMUMAN_PEMENANG", days: 1 },
      { kind: "MASA_SANGGAH", days: 5 },
      { kind: "PENUNJUKAN_PEMENANG", days: 3 },
    ],
    hasPrakualifikasi: true,
    hasSanggahBanding: false,
    twoFiles: true,
    // prakualifikasi needs 3 passing firms; the bidding itself fails with none
    minBids: 1,
    maxDeadlineExtensions: 1,
    ...SANGGAH,
  },
  {
    key: "pengadaan-langsung",
    name: "Pengadaan Langsung",
    method: "PENGADAAN_LANGSUNG",
    categories: ["BARANG", "PEKERJAAN_KONSTRUKSI", "JASA_KONSULTANSI", "JASA_LAINNYA"],
    stages: [
      { kind: "UNDANGAN", days: 1 },
      { kind: "UPLOAD_PENAWARAN", days: 3 },
      { kind: "KLARIFIKASI_NEGOSIASI", days: 2 },
      { kind: "PENETAPAN_PEMENANG", days: 1 },
    ],
    hasPrakualifikasi: false,
    hasSanggahBanding: false,
    twoFiles: false,
    minBids: 1,
    maxDeadlineExtensions: 0,
    sanggahDays: 0,
    sanggahAnswerDays: 0,
    bandingDays: 0,
    bandingAnswerDays: 0,
  },
];

/** The procedure for a paket: the first whose method and categories match. */
export function procedureFor<P extends Pick<Procedure, "method" | "categories">>(
  procedures: readonly P[],
  method: ProcurementMethod,
  category: ProcurementCategory,
): P | null {
  return procedures.find((p) => p.method === method && p.categories.includes(category)) ?? null;
}
