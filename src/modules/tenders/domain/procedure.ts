import type { BidPart } from "@/modules/bids/domain";
import type { ProcurementCategory, ProcurementMethod } from "@/modules/paket/domain";
import type { StageKind } from "./stage-kind";
import type { ProcedureStage } from "./stage-minimums";

/**
 * How a method runs, read from the ProcedureConfig table. Code asks these flags, never
 * the method's name, so a new procedure is a new row.
 */
export interface Procedure {
  key: string;
  name: string;
  method: ProcurementMethod;
  categories: ProcurementCategory[];
  stages: ProcedureStage[];
  hasPrakualifikasi: boolean;
  hasSanggahBanding: boolean;
  twoFiles: boolean;
  minBids: number;
  maxDeadlineExtensions: number;
  sanggahDays: number;
  sanggahAnswerDays: number;
  bandingDays: number;
  bandingAnswerDays: number;
  /** bidders keep at least this long after an addendum: a later one pushes the deadline back */
  addendumMinHours: number;
  addendumMinBasis: string;
  /**
   * The parts every bid under this procedure contains (issue 15); a tender may ask fewer in
   * its set-up, and adds the bid security document when it asks a bid security.
   */
  bidParts: BidPart[];
}

const SANGGAH = { sanggahDays: 5, sanggahAnswerDays: 3, bandingDays: 5, bandingAnswerDays: 14 };

// Days are defaults the Pokja adjusts. Minimums: besides the sanggah windows no minimum
// stage lengths were found in force (Perpres 16/2018 as amended by Perpres 12/2021 and
// Perpres 46/2025, Perlem LKPP 12/2021 leave them to the Pokja), so the others are
// configuration, not law, chosen on the careful side; ADMIN_LPSE corrects them.
const NONE = "Tanpa lama minimal (konfigurasi, bukan ketentuan hukum).";
const CONFIG =
  "Konfigurasi, bukan ketentuan hukum: Perpres 16/2018 jo. Perpres 12/2021 dan Perpres 46/2025 serta Perlem LKPP 12/2021 tidak menetapkan lama minimal tahap ini; nilai dipilih hati-hati.";
const SANGGAH_LAW =
  "Perpres 16/2018 jo. Perpres 12/2021; Perlem LKPP 12/2021: masa sanggah dan sanggah banding 5 hari kalender.";

function stage(kind: StageKind, days: number, minHours = 0, basis = minHours ? CONFIG : NONE): ProcedureStage {
  return { kind, days, minHours, basis };
}

const ADDENDUM = {
  addendumMinHours: 96,
  addendumMinBasis:
    "Konfigurasi, bukan ketentuan hukum: Perlem LKPP 12/2021 meminta Pokja memperpanjang batas akhir penawaran bila adendum membutuhkan tambahan waktu, tanpa angka; 4 hari mengikuti aturan Prozorro.",
};

// A bid's parts: administrasi, kualifikasi (the qualification form and its evidence),
// teknis and harga, as SPSE's penawaran holds them (Perlem LKPP 12/2021 Lampiran II lists the
// dokumen penawaran administrasi, teknis and harga, with the data kualifikasi). Which of
// them a procedure asks is configuration, not law; ADMIN_LPSE corrects it per procedure.
const FULL_BID: BidPart[] = ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA"];

const PASCA_STAGES: Procedure["stages"] = [
  stage("PENGUMUMAN", 3, 72),
  stage("PEMBERIAN_PENJELASAN", 2, 24),
  stage("UPLOAD_PENAWARAN", 7, 120),
  stage("PEMBUKAAN", 1),
  stage("EVALUASI", 5),
  stage("PEMBUKTIAN_KUALIFIKASI", 2),
  stage("PENETAPAN_PEMENANG", 1),
  stage("PENGUMUMAN_PEMENANG", 1),
  stage("MASA_SANGGAH", 5, 120, SANGGAH_LAW),
  stage("PENUNJUKAN_PEMENANG", 3),
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
    bidParts: FULL_BID,
    minBids: 1,
    maxDeadlineExtensions: 1,
    ...SANGGAH,
    ...ADDENDUM,
  },
  {
    key: "tender-pascakualifikasi-konstruksi",
    name: "Tender Pascakualifikasi Satu File (Pekerjaan Konstruksi)",
    method: "TENDER",
    categories: ["PEKERJAAN_KONSTRUKSI"],
    // sanggah banding: construction only, 5 days after the sanggah answer
    stages: [
      ...PASCA_STAGES.slice(0, 9),
      stage("SANGGAH_BANDING", 5, 120, SANGGAH_LAW),
      stage("PENUNJUKAN_PEMENANG", 3),
    ],
    hasPrakualifikasi: false,
    hasSanggahBanding: true,
    twoFiles: false,
    bidParts: FULL_BID,
    minBids: 1,
    maxDeadlineExtensions: 1,
    ...SANGGAH,
    ...ADDENDUM,
  },
  {
    key: "tender-cepat",
    name: "Tender Cepat",
    method: "TENDER_CEPAT",
    categories: ["BARANG", "PEKERJAAN_KONSTRUKSI", "JASA_LAINNYA"],
    stages: [
      stage("PENGUMUMAN", 1, 24),
      stage("UPLOAD_PENAWARAN", 3, 72),
      stage("PEMBUKAAN", 1),
      stage("EVALUASI", 1),
      stage("PENETAPAN_PEMENANG", 1),
      stage("PENGUMUMAN_PEMENANG", 1),
      stage("MASA_SANGGAH", 5, 120, SANGGAH_LAW),
      stage("PENUNJUKAN_PEMENANG", 2),
    ],
    hasPrakualifikasi: false,
    hasSanggahBanding: false,
    twoFiles: false,
    // bidders already qualified in SIKaP, judged on price alone (Perpres 16/2018 Pasal 38 ayat (6)):
    // the bid is the price (configuration, not law, that nothing else is asked)
    bidParts: ["HARGA"],
    // tender cepat fails with 0 or 1 bid
    minBids: 2,
    maxDeadlineExtensions: 0,
    ...SANGGAH,
    // a fast tender's whole upload window is 3 days: one day after an addendum (configuration, not law)
    ...ADDENDUM,
    addendumMinHours: 24,
  },
  {
    key: "seleksi-prakualifikasi-dua-file",
    name: "Seleksi Prakualifikasi Dua File (Jasa Konsultansi)",
    method: "SELEKSI",
    categories: ["JASA_KONSULTANSI"],
    stages: [
      stage("PENGUMUMAN", 3, 72),
      stage("PRAKUALIFIKASI", 5, 72),
      stage("PENGUMUMAN_HASIL_PRAKUALIFIKASI", 1),
      stage("SANGGAH_PRAKUALIFIKASI", 5, 72),
      stage("UNDANGAN", 1),
      stage("PEMBERIAN_PENJELASAN", 2, 24),
      stage("UPLOAD_PENAWARAN", 7, 120),
      stage("PEMBUKAAN", 1),
      stage("EVALUASI", 5),
      stage("PEMBUKAAN_HARGA", 1),
      stage("EVALUASI_HARGA", 2),
      stage("KLARIFIKASI_NEGOSIASI", 3),
      stage("PENETAPAN_PEMENANG", 1),
      stage("PENGUMUMAN_PEMENANG", 1),
      stage("MASA_SANGGAH", 5, 120, SANGGAH_LAW),
      stage("PENUNJUKAN_PEMENANG", 3),
    ],
    hasPrakualifikasi: true,
    hasSanggahBanding: false,
    twoFiles: true,
    bidParts: FULL_BID,
    // prakualifikasi needs 3 passing firms; the bidding itself fails with none
    minBids: 1,
    maxDeadlineExtensions: 1,
    ...SANGGAH,
    ...ADDENDUM,
  },
  {
    // Penunjukan langsung after a failed tender ulang, once the PA/KPA approves (Perpres
    // 16/2018 Pasal 38 ayat (5) and Pasal 51 ayat (14) as amended by Perpres 12/2021;
    // Perlem LKPP 12/2021 Lampiran II: undangan to one vendor, penawaran, pembukaan,
    // evaluasi, klarifikasi dan negosiasi, penetapan, pengumuman). Sanggah is a right
    // of tender and seleksi participants only (Pasal 50), so there is no masa sanggah.
    // Stage lengths are configuration, not law (docs/decisions/0027).
    key: "penunjukan-langsung",
    name: "Penunjukan Langsung setelah Tender Ulang Gagal",
    method: "PENUNJUKAN_LANGSUNG",
    categories: ["BARANG", "PEKERJAAN_KONSTRUKSI", "JASA_KONSULTANSI", "JASA_LAINNYA"],
    stages: [
      stage("UNDANGAN", 1),
      stage("PEMBERIAN_PENJELASAN", 1),
      stage("UPLOAD_PENAWARAN", 3, 24),
      stage("PEMBUKAAN", 1),
      stage("EVALUASI", 2),
      stage("KLARIFIKASI_NEGOSIASI", 2),
      stage("PENETAPAN_PEMENANG", 1),
      stage("PENGUMUMAN_PEMENANG", 1),
      stage("PENUNJUKAN_PEMENANG", 2),
    ],
    hasPrakualifikasi: false,
    hasSanggahBanding: false,
    twoFiles: false,
    bidParts: FULL_BID,
    // one invited vendor: its offer is enough; without one the penunjukan fails
    minBids: 1,
    maxDeadlineExtensions: 0,
    sanggahDays: 0,
    sanggahAnswerDays: 0,
    bandingDays: 0,
    bandingAnswerDays: 0,
    ...ADDENDUM,
    addendumMinHours: 24,
  },
  {
    key: "pengadaan-langsung",
    name: "Pengadaan Langsung",
    method: "PENGADAAN_LANGSUNG",
    categories: ["BARANG", "PEKERJAAN_KONSTRUKSI", "JASA_KONSULTANSI", "JASA_LAINNYA"],
    stages: [
      stage("UNDANGAN", 1),
      stage("UPLOAD_PENAWARAN", 3, 24),
      stage("KLARIFIKASI_NEGOSIASI", 2),
      stage("PENETAPAN_PEMENANG", 1),
    ],
    hasPrakualifikasi: false,
    hasSanggahBanding: false,
    twoFiles: false,
    bidParts: FULL_BID,
    minBids: 1,
    maxDeadlineExtensions: 0,
    sanggahDays: 0,
    sanggahAnswerDays: 0,
    bandingDays: 0,
    bandingAnswerDays: 0,
    ...ADDENDUM,
    addendumMinHours: 24,
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
