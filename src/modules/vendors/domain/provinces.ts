/**
 * The 38 provinces since UU 29/2022 (Papua Barat Daya); UU 14, 15 and 16/2022 made Papua
 * Selatan, Papua Tengah and Papua Pegunungan. A new province is a new line here.
 */
export const PROVINCES = [
  "Aceh",
  "Sumatera Utara",
  "Sumatera Barat",
  "Riau",
  "Kepulauan Riau",
  "Jambi",
  "Sumatera Selatan",
  "Kepulauan Bangka Belitung",
  "Bengkulu",
  "Lampung",
  "DKI Jakarta",
  "Jawa Barat",
  "Banten",
  "Jawa Tengah",
  "DI Yogyakarta",
  "Jawa Timur",
  "Bali",
  "Nusa Tenggara Barat",
  "Nusa Tenggara Timur",
  "Kalimantan Barat",
  "Kalimantan Tengah",
  "Kalimantan Selatan",
  "Kalimantan Timur",
  "Kalimantan Utara",
  "Sulawesi Utara",
  "Gorontalo",
  "Sulawesi Tengah",
  "Sulawesi Barat",
  "Sulawesi Selatan",
  "Sulawesi Tenggara",
  "Maluku",
  "Maluku Utara",
  "Papua",
  "Papua Barat",
  "Papua Barat Daya",
  "Papua Selatan",
  "Papua Tengah",
  "Papua Pegunungan",
] as const;

/** The province's official spelling for what was typed (case and spaces ignored), or null. */
export function canonicalProvince(input: string): string | null {
  const key = input.trim().replace(/\s+/g, " ").toLowerCase();
  return PROVINCES.find((p) => p.toLowerCase() === key) ?? null;
}
