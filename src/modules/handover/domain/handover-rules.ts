import type { ProcurementMethod } from "@/modules/paket/domain";

export type HandOverTarget = "POKJA" | "PEJABAT_PENGADAAN";

/**
 * Who runs the selection. Tender, tender cepat and seleksi are run by a Pokja Pemilihan
 * of the UKPBJ; pengadaan langsung by a Pejabat Pengadaan (Perpres 16/2018 Pasal 12–13).
 * Other methods (e-purchasing, penunjukan langsung) are not handed over here.
 */
export function handOverTargetFor(method: ProcurementMethod | null): HandOverTarget | null {
  if (method === "TENDER" || method === "TENDER_CEPAT" || method === "SELEKSI") return "POKJA";
  if (method === "PENGADAAN_LANGSUNG") return "PEJABAT_PENGADAAN";
  return null;
}

/**
 * A Pokja Pemilihan has 3 members, more only in an odd number (Perpres 16/2018 Pasal 13):
 * 3 and 5 in practice, so a vote never ties.
 */
export function isValidPokjaSize(memberCount: number): boolean {
  return Number.isInteger(memberCount) && memberCount >= 3 && memberCount % 2 === 1;
}

const SEQUENCE_DIGITS = 6;

/** The pattern of a public tender code of a year: the year, then a 6-digit sequence. */
export const tenderCodePattern = (year: number) => `^${year}[0-9]{${SEQUENCE_DIGITS}}$`;

/** The code after `lastCode` (the highest code of that year, or null): "2026000001", "2026000002", … */
export function nextTenderCode(year: number, lastCode: string | null): string {
  const last = lastCode && new RegExp(tenderCodePattern(year)).test(lastCode) ? Number(lastCode.slice(4)) : 0;
  return `${year}${String(last + 1).padStart(SEQUENCE_DIGITS, "0")}`;
}
