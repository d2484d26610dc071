import type { ProcurementCategory, ProcurementMethod, TenderStatus } from "../../src/generated/prisma/enums";
import type { AgencyCode } from "./demo-people";

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
    code: string;
    status: TenderStatus;
    /** days ago the announcement started; picks the current stage */
    startedDaysAgo: number;
    endReason?: string;
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
    tender: { code: "10012026001", status: "PUBLISHED", startedDaysAgo: 8 },
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
    tender: { code: "10012026002", status: "PUBLISHED", startedDaysAgo: 1 },
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
    tender: { code: "10012026003", status: "EVALUATION", startedDaysAgo: 16 },
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
    tender: { code: "10012026004", status: "AWARDED", startedDaysAgo: 27 },
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
    tender: { code: "20022026001", status: "PUBLISHED", startedDaysAgo: 4 },
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
    tender: { code: "20022026002", status: "PUBLISHED", startedDaysAgo: 10 },
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
    tender: { code: "20022026003", status: "AWARDED", startedDaysAgo: 24 },
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
    tender: {
      code: "20022026004",
      status: "FAILED",
      startedDaysAgo: 20,
      endReason: "Tidak ada penawaran yang masuk setelah batas akhir diperpanjang satu kali (tender gagal).",
    },
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
    tender: { code: "30032026001", status: "PUBLISHED", startedDaysAgo: 7 },
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
    tender: { code: "30032026002", status: "EVALUATION", startedDaysAgo: 15 },
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
    tender: { code: "30032026003", status: "DRAFT", startedDaysAgo: -5 },
  },
];
