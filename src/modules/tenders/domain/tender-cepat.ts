/**
 * Tender Cepat: when a tender may run as one, and what changes when it does.
 *
 * Perpres 16/2018 Pasal 38 ayat (6) (kept by Perpres 12/2021 and 46/2025): Tender Cepat is
 * used when the specification and volume of the work can be set out in detail and the
 * bidders are already qualified in SIKaP (Sistem Informasi Kinerja Penyedia). Pasal 50:
 * the bidders enter only a price and the winner is the lowest price. It is a choice among
 * the methods for goods, works and other services (Pasal 38 ayat (1)); consultancy is
 * chosen by seleksi (Pasal 41), so a seleksi cannot become a Tender Cepat.
 */
import type { ProcurementCategory, ProcurementMethod } from "@/modules/paket/domain";

export type TenderMethod = Extract<ProcurementMethod, "TENDER" | "TENDER_CEPAT">;

export const TENDER_CEPAT_BASIS =
  "Perpres 16/2018 Pasal 38 ayat (6) dan Pasal 50 (jo. Perpres 12/2021, 46/2025): spesifikasi dan volume rinci, " +
  "peserta terkualifikasi dalam SIKaP, hanya penawaran harga, pemenang harga terendah.";

/** Tender Cepat is judged on price alone: its evaluation method is always harga terendah. */
export const TENDER_CEPAT_EVALUATION = "HARGA_TERENDAH" as const;

interface ProcedureRow {
  method: string;
  categories: readonly string[];
}

/**
 * The methods the Pokja may switch a tender between: a paket the method rules sent to
 * TENDER (goods, works or other services above the pengadaan langsung limit) may run as a
 * Tender Cepat when a procedure for it serves the paket's category, and back. Anything
 * else (seleksi, a paket the rules did not send to tender) offers no choice: []. Nor does
 * a penunjukan langsung of such a paket (tenderMethod; docs/decisions/0027): it invites
 * one vendor and may not be turned into an open tender.
 */
export function selectableMethods(
  paketMethod: string | null,
  category: ProcurementCategory,
  procedures: readonly ProcedureRow[],
  tenderMethod: string,
): TenderMethod[] {
  if (tenderMethod !== "TENDER" && tenderMethod !== "TENDER_CEPAT") return [];
  if (paketMethod !== "TENDER" || category === "JASA_KONSULTANSI") return [];
  const serves = (method: TenderMethod) =>
    procedures.some((p) => p.method === method && p.categories.includes(category));
  return serves("TENDER") && serves("TENDER_CEPAT") ? ["TENDER", "TENDER_CEPAT"] : [];
}

export type MethodChangeRefusal = "tenderSetupLocked" | "tenderMethodNotAllowed";

/** Why the Pokja may not switch this tender to `target` now; null when it may. */
export function methodChangeRefusal(
  tender: { status: string; method: string; paketMethod: string | null; category: ProcurementCategory },
  target: string,
  procedures: readonly ProcedureRow[],
): MethodChangeRefusal | null {
  // Once announced the method is part of what bidders rely on.
  if (tender.status !== "DRAFT") return "tenderSetupLocked";
  return (selectableMethods(tender.paketMethod, tender.category, procedures, tender.method) as string[]).includes(
    target,
  )
    ? null
    : "tenderMethodNotAllowed";
}
