import type { MethodRule } from "./method-rules";

// The rows Segel ships with (seeded into the MethodRule table, where ADMIN_LPSE adds
// new ones without a release). Dates are the regulations' enactment dates.
const PERPRES_16_2018 = new Date("2018-03-22T00:00:00+07:00");
const PERPRES_46_2025 = new Date("2025-04-30T00:00:00+07:00");

export const DEFAULT_METHOD_RULES: MethodRule[] = [
  {
    effectiveFrom: PERPRES_16_2018,
    category: "BARANG",
    method: "PENGADAAN_LANGSUNG",
    limit: 200_000_000n,
    methodAbove: "TENDER",
    legalBasis: "Perpres 16/2018 Pasal 38 ayat (3), diubah Perpres 12/2021",
  },
  {
    effectiveFrom: PERPRES_16_2018,
    category: "JASA_LAINNYA",
    method: "PENGADAAN_LANGSUNG",
    limit: 200_000_000n,
    methodAbove: "TENDER",
    legalBasis: "Perpres 16/2018 Pasal 38 ayat (3), diubah Perpres 12/2021",
  },
  {
    effectiveFrom: PERPRES_16_2018,
    category: "PEKERJAAN_KONSTRUKSI",
    method: "PENGADAAN_LANGSUNG",
    limit: 200_000_000n,
    methodAbove: "TENDER",
    legalBasis: "Perpres 16/2018 Pasal 38 ayat (3), diubah Perpres 12/2021",
  },
  {
    effectiveFrom: PERPRES_46_2025,
    category: "PEKERJAAN_KONSTRUKSI",
    method: "PENGADAAN_LANGSUNG",
    limit: 400_000_000n,
    methodAbove: "TENDER",
    legalBasis: "Perpres 46/2025 (perubahan kedua Perpres 16/2018)",
  },
  {
    effectiveFrom: PERPRES_16_2018,
    category: "JASA_KONSULTANSI",
    method: "PENGADAAN_LANGSUNG",
    limit: 100_000_000n,
    methodAbove: "SELEKSI",
    legalBasis: "Perpres 16/2018 Pasal 41 ayat (3)",
  },
];
