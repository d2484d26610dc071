import type { EvaluationMethod } from "./evaluation-method";

/**
 * The consultancy (seleksi) methods, Perpres 16/2018 jo. 12/2021 Pasal 41 and Perlem LKPP
 * 12/2021 Lampiran II: kualitas, kualitas dan biaya, pagu anggaran, biaya terendah. Each
 * scores the technical file against a passing grade before any price is opened.
 */
export const CONSULTANCY_METHODS = ["KUALITAS", "KUALITAS_BIAYA", "PAGU_ANGGARAN", "BIAYA_TERENDAH"] as const;
export const GOODS_WORKS_METHODS = ["HARGA_TERENDAH", "SISTEM_NILAI", "BIAYA_UMUR_EKONOMIS"] as const;

/**
 * The methods a procedure offers, decided by its data, never its name: a two-file procedure
 * (ProcedureConfig.twoFiles: the technical file opened and scored before the price) offers
 * the consultancy methods, which need that order; every other procedure the methods of
 * goods, works and other services (Perlem LKPP 12/2021 Lampiran II).
 */
export function evaluationMethodsFor(procedure: { twoFiles: boolean }): readonly EvaluationMethod[] {
  return procedure.twoFiles ? CONSULTANCY_METHODS : GOODS_WORKS_METHODS;
}

/** Kualitas dan biaya weighs technical against price like sistem nilai: both need weights. */
export const isWeighted = (method: EvaluationMethod | null) => method === "SISTEM_NILAI" || method === "KUALITAS_BIAYA";
