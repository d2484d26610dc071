import type { DemoPaket } from "./demo-procurement";
import { CONSULTANCY_REQUIREMENTS } from "./demo-requirements";

// The demo paket added for issue 15 (structured bids, seleksi, e-Kontrak), after the others so
// the earlier tenders keep their codes.

export const ISSUE_15_PAKETS: DemoPaket[] = [
  {
    rupCode: "46120457",
    name: "Pembangunan Gedung Balai Teknik Sungai Ciliwung",
    agency: "KEMENPU",
    workUnit: "KEMENPU-BBWSCC",
    category: "PEKERJAAN_KONSTRUKSI",
    method: "TENDER",
    pagu: 4_900_000_000n,
    hps: 4_812_600_000n,
    location: "Kota Jakarta Timur, DKI Jakarta",
    fundingSource: "APBN 2026",
    tender: {
      code: "2026000013",
      story: "CONTRACTED",
      startedDaysAgo: 45,
      contract: "ACTIVE",
      bids: [
        { email: "penyedia1@segel.test", price: 4_596_000_000n },
        { email: "penyedia3@segel.test", price: 4_688_500_000n },
      ],
    },
  },
  {
    // the seleksi journey's own tender (tests/e2e/seleksi.spec.ts): in its prakualifikasi now
    rupCode: "61051204",
    name: "Jasa Konsultansi Pengawasan Jaringan Irigasi Grime",
    agency: "KAB-JAYAPURA",
    workUnit: "JAYAPURA-PUPR",
    category: "JASA_KONSULTANSI",
    method: "SELEKSI",
    pagu: 1_450_000_000n,
    hps: 1_420_000_000n,
    location: "Distrik Nimboran, Kabupaten Jayapura",
    fundingSource: "APBD Kabupaten Jayapura 2026 (Otsus)",
    tender: { code: "2026000014", story: "ANNOUNCED", startedDaysAgo: 4, requirements: CONSULTANCY_REQUIREMENTS },
  },
];
