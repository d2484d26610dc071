import type { QualificationRequirements } from "../../src/modules/qualification/domain/shapes";

// Plain data, apart from the seed's use cases: the e2e journeys import the demo pakets
// (demo-procurement.ts) outside the server, where a use case's "server-only" throws.

/** Structured qualification requirements the demo's Pokja sets on a goods tender (Perlem LKPP 12/2021 Lampiran II). */
export const GOODS_REQUIREMENTS: QualificationRequirements = {
  version: 1,
  permits: [{ kind: "NIB", kbli: [] }],
  experience: { minCount: 1, minValue: "500000000", withinYears: 4 },
  staff: [{ position: "Teknisi Pompa", minCount: 1, minYears: 3, education: null }],
  equipment: [{ name: "Truk pengangkut", minCount: 1 }],
  financial: { minNetWorth: null, taxReturn: true },
};

/** ... and on a consultancy seleksi, answered in its prakualifikasi. */
export const CONSULTANCY_REQUIREMENTS: QualificationRequirements = {
  version: 1,
  permits: [{ kind: "NIB", kbli: [] }],
  experience: { minCount: 1, minValue: "1000000000", withinYears: 4 },
  staff: [{ position: "Team Leader", minCount: 1, minYears: 8, education: "S1 Teknik Sipil" }],
  equipment: [],
  financial: null,
};
