import type { ProcurementCategory, ProcurementMethod } from "../../src/generated/prisma/enums";
import type { QualificationRequirements } from "../../src/modules/qualification/domain/shapes";
import type { AgencyCode } from "./demo-people";
import { ISSUE_15_PAKETS } from "./demo-procurement-15";
import { CONSULTANCY_REQUIREMENTS, GOODS_REQUIREMENTS } from "./demo-requirements";

/**
 * Where a demo tender's story stops, each reached through the use cases (prisma/seed/demo-tenders.ts):
 * - DRAFT: handed over to the Pokja, its set-up not finished, not announced;
 * - ANNOUNCED: announced with its selection documents; the schedule worker moves it by time;
 * - BIDDING: in the upload stage, vendors registered and some sealed bids submitted;
 * - OPENED: the bids opened by a majority of the Pokja (k of n passphrases), the evaluation under way;
 * - AWARDED: evaluated, the winner proposed and approved by the Pokja majority and announced, in the sanggah period;
 * - CONTRACTED: as AWARDED, the sanggah period passed, and the PPK issued the SPPBJ;
 * - FAILED: nobody bid; the worker extended the deadline once, then failed the tender.
 * - SHORTLISTED: a seleksi whose prakualifikasi is decided and its shortlist announced (issue 15).
 */
export type DemoStory =
  "DRAFT" | "ANNOUNCED" | "BIDDING" | "OPENED" | "AWARDED" | "CONTRACTED" | "FAILED" | "SHORTLISTED";

export interface DemoBid {
  /** the vendor's user in demo-people.ts */
  email: string;
  price: bigint;
  /** registered for the tender without bidding */
  registeredOnly?: boolean;
}

export interface DemoPaket {
  rupCode: string;
  name: string;
  agency: AgencyCode;
  workUnit: string;
  category: ProcurementCategory;
  method: ProcurementMethod;
  pagu: bigint;
  hps: bigint;
  location: string;
  fundingSource: string;
  /** present when the paket has gone to a tender */
  tender?: {
    /** the code the hand-over gives it (tenders are handed over in this list's order); journeys use them */
    code: string;
    story: DemoStory;
    /** days ago the announcement started; picks the current stage */
    startedDaysAgo: number;
    bids?: DemoBid[];
    /** CONTRACTED only: the e-Kontrak walked on to an ACTIVE contract (drafted, signed, SPMK, termin I paid) */
    contract?: "ACTIVE";
    /** structured qualification requirements set up by the Pokja; bids carry the form from the profile */
    requirements?: QualificationRequirements;
    /** SHORTLISTED only: the firms applying in prakualifikasi and the Pokja's decision on each */
    applicants?: { email: string; passed: boolean; score: number }[];
  };
}

const APBN = "APBN 2026";
const APBD_SULSEL = "APBD Provinsi Sulawesi Selatan 2026";
const APBD_JAYAPURA = "APBD Kabupaten Jayapura 2026 (Otsus)";

export const PAKETS: DemoPaket[] = [
  {
    rupCode: "46120451",
    name: "Rehabilitasi Bendung Katulampa",
    agency: "KEMENPU",
    workUnit: "KEMENPU-BBWSCC",
    category: "PEKERJAAN_KONSTRUKSI",
    method: "TENDER",
    pagu: 18_500_000_000n,
    hps: 17_925_400_000n,
    location: "Kota Bogor, Jawa Barat",
    fundingSource: APBN,
    tender: { code: "2026000001", story: "ANNOUNCED", startedDaysAgo: 8 },
  },
  {
    rupCode: "46120452",
    name: "Pembangunan Jembatan Sungai Cisadane Ruas Serpong",
    agency: "KEMENPU",
    workUnit: "KEMENPU-BBPJN",
    category: "PEKERJAAN_KONSTRUKSI",
    method: "TENDER",
    pagu: 9_200_000_000n,
    hps: 9_087_650_000n,
    location: "Kota Tangerang Selatan, Banten",
    fundingSource: APBN,
    tender: { code: "2026000002", story: "ANNOUNCED", startedDaysAgo: 1 },
  },
  {
    rupCode: "46120453",
    name: "Jasa Konsultansi Supervisi Preservasi Jalan Nasional Jawa Barat",
    agency: "KEMENPU",
    workUnit: "KEMENPU-BBPJN",
    category: "JASA_KONSULTANSI",
    method: "SELEKSI",
    pagu: 2_400_000_000n,
    hps: 2_356_000_000n,
    location: "Provinsi Jawa Barat",
    fundingSource: APBN,
    tender: {
      code: "2026000003",
      story: "SHORTLISTED",
      // in the sanggah prakualifikasi stage now, the shortlist announced
      startedDaysAgo: 11,
      requirements: CONSULTANCY_REQUIREMENTS,
      applicants: [
        { email: "penyedia5@segel.test", passed: true, score: 86.5 },
        { email: "penyedia1@segel.test", passed: true, score: 78 },
        { email: "penyedia3@segel.test", passed: true, score: 74.25 },
        { email: "penyedia2@segel.test", passed: false, score: 52 },
      ],
    },
  },
  {
    rupCode: "46120454",
    name: "Pengadaan Peralatan Laboratorium Hidrologi",
    agency: "KEMENPU",
    workUnit: "KEMENPU-BBWSCC",
    category: "BARANG",
    method: "TENDER",
    pagu: 850_000_000n,
    hps: 842_300_000n,
    location: "Kota Bogor, Jawa Barat",
    fundingSource: APBN,
    tender: {
      code: "2026000004",
      story: "CONTRACTED",
      startedDaysAgo: 28,
      bids: [
        { email: "penyedia4@segel.test", price: 798_500_000n },
        { email: "penyedia2@segel.test", price: 812_000_000n },
        { email: "penyedia1@segel.test", price: 835_900_000n },
      ],
    },
  },
  {
    rupCode: "46120455",
    name: "Pengadaan Alat Tulis Kantor Semester II",
    agency: "KEMENPU",
    workUnit: "KEMENPU-BBWSCC",
    category: "BARANG",
    method: "PENGADAAN_LANGSUNG",
    pagu: 150_000_000n,
    hps: 148_750_000n,
    location: "Kota Bogor, Jawa Barat",
    fundingSource: APBN,
  },
  {
    rupCode: "52731101",
    name: "Pengadaan Ambulans Puskesmas Keliling",
    agency: "PROV-SULSEL",
    workUnit: "SULSEL-DINKES",
    category: "BARANG",
    method: "TENDER",
    pagu: 3_600_000_000n,
    hps: 3_540_000_000n,
    location: "Kabupaten Gowa dan Maros, Sulawesi Selatan",
    fundingSource: APBD_SULSEL,
    tender: { code: "2026000005", story: "ANNOUNCED", startedDaysAgo: 4 },
  },
  {
    rupCode: "52731102",
    name: "Pengadaan Obat dan Bahan Medis Habis Pakai",
    agency: "PROV-SULSEL",
    workUnit: "SULSEL-DINKES",
    category: "BARANG",
    method: "TENDER",
    pagu: 5_200_000_000n,
    hps: 5_115_800_000n,
    location: "Kota Makassar, Sulawesi Selatan",
    fundingSource: APBD_SULSEL,
    tender: { code: "2026000006", story: "ANNOUNCED", startedDaysAgo: 10 },
  },
  {
    rupCode: "52731103",
    name: "Jasa Kebersihan Gedung Kantor Dinas Pendidikan",
    agency: "PROV-SULSEL",
    workUnit: "SULSEL-DISDIK",
    category: "JASA_LAINNYA",
    method: "TENDER",
    pagu: 1_100_000_000n,
    hps: 1_089_000_000n,
    location: "Kota Makassar, Sulawesi Selatan",
    fundingSource: APBD_SULSEL,
    tender: {
      code: "2026000007",
      story: "AWARDED",
      startedDaysAgo: 24,
      bids: [
        // 95.04% of HPS: the demo shows a red flag (PRICE_NEAR_HPS, src/modules/red-flags)
        { email: "penyedia2@segel.test", price: 1_035_000_000n },
        { email: "penyedia4@segel.test", price: 1_061_500_000n },
      ],
    },
  },
  {
    rupCode: "52731104",
    name: "Rehabilitasi Ruang Kelas SMA Negeri 5 Makassar",
    agency: "PROV-SULSEL",
    workUnit: "SULSEL-DISDIK",
    category: "PEKERJAAN_KONSTRUKSI",
    method: "TENDER",
    pagu: 2_700_000_000n,
    hps: 2_684_500_000n,
    location: "Kota Makassar, Sulawesi Selatan",
    fundingSource: APBD_SULSEL,
    tender: { code: "2026000008", story: "FAILED", startedDaysAgo: 20 },
  },
  {
    rupCode: "61051201",
    name: "Peningkatan Jalan Sentani - Doyo Baru",
    agency: "KAB-JAYAPURA",
    workUnit: "JAYAPURA-PUPR",
    category: "PEKERJAAN_KONSTRUKSI",
    method: "TENDER",
    pagu: 14_800_000_000n,
    hps: 14_652_000_000n,
    location: "Distrik Sentani dan Waibu, Kabupaten Jayapura",
    fundingSource: APBD_JAYAPURA,
    tender: { code: "2026000009", story: "ANNOUNCED", startedDaysAgo: 7 },
  },
  {
    rupCode: "61051202",
    name: "Pembangunan Sarana Air Bersih Distrik Kemtuk",
    agency: "KAB-JAYAPURA",
    workUnit: "JAYAPURA-PUPR",
    category: "PEKERJAAN_KONSTRUKSI",
    method: "TENDER",
    pagu: 6_300_000_000n,
    hps: 6_215_900_000n,
    location: "Distrik Kemtuk, Kabupaten Jayapura",
    fundingSource: APBD_JAYAPURA,
    tender: {
      code: "2026000010",
      story: "OPENED",
      startedDaysAgo: 15,
      bids: [
        { email: "penyedia3@segel.test", price: 5_980_000_000n },
        { email: "penyedia1@segel.test", price: 6_105_000_000n },
      ],
    },
  },
  {
    rupCode: "61051203",
    name: "Jasa Konsultansi Perencanaan Pasar Rakyat Sentani",
    agency: "KAB-JAYAPURA",
    workUnit: "JAYAPURA-SETDA",
    category: "JASA_KONSULTANSI",
    method: "SELEKSI",
    pagu: 750_000_000n,
    hps: 738_000_000n,
    location: "Distrik Sentani, Kabupaten Jayapura",
    fundingSource: APBD_JAYAPURA,
    tender: { code: "2026000011", story: "DRAFT", startedDaysAgo: -5 },
  },
  {
    rupCode: "46120456",
    name: "Pengadaan Pompa Air Portabel Tanggap Banjir",
    agency: "KEMENPU",
    workUnit: "KEMENPU-BBWSCC",
    category: "BARANG",
    method: "TENDER",
    pagu: 1_950_000_000n,
    hps: 1_912_500_000n,
    location: "Kota Bogor dan Kabupaten Bogor, Jawa Barat",
    fundingSource: APBN,
    tender: {
      code: "2026000012",
      story: "BIDDING",
      startedDaysAgo: 9,
      requirements: GOODS_REQUIREMENTS,
      bids: [
        { email: "penyedia1@segel.test", price: 1_845_000_000n },
        { email: "penyedia4@segel.test", price: 1_876_250_000n },
        { email: "penyedia2@segel.test", price: 0n, registeredOnly: true },
      ],
    },
  },
  // issue 15's contract and the seleksi journey's own tender
  ...ISSUE_15_PAKETS,
];
