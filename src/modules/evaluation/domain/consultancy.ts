import { CONSULTANCY_METHODS, type EvaluationMethod } from "@/modules/tenders/domain";
import { SCORE_SCALE } from "./scoring";

/**
 * The consultancy (seleksi) evaluation methods, Perpres 16/2018 jo. 12/2021 Pasal 41 and
 * Perlem LKPP 12/2021 Lampiran II: kualitas, kualitas dan biaya, pagu anggaran, biaya
 * terendah. Every one scores the technical file, against the tender's passing grade (nilai
 * ambang batas) before any price is opened. Which procedure offers them is data
 * (ProcedureConfig.evaluationMethods), never decided here by a procedure's name.
 */
export { CONSULTANCY_METHODS };
export type ConsultancyMethod = (typeof CONSULTANCY_METHODS)[number];

export function isConsultancyMethod(method: EvaluationMethod | null): method is ConsultancyMethod {
  return (CONSULTANCY_METHODS as readonly string[]).includes(method ?? "");
}

/** The methods whose technical stage is scored (sistem nilai and every consultancy method). */
export function isTechnicalScored(method: EvaluationMethod | null): boolean {
  return method === "SISTEM_NILAI" || isConsultancyMethod(method);
}

/** The methods weighing technical against price: the tender's weights must sum to 100. */
export function needsWeights(method: EvaluationMethod | null): boolean {
  return method === "SISTEM_NILAI" || method === "KUALITAS_BIAYA";
}

/**
 * Nilai ambang batas: a technical score at or above the grade (whole points, 0..100, the
 * tender's; its default is ProcedureConfig.technicalPassingGrade, configuration, not law)
 * passes. Exactly the grade passes.
 */
export function passesTechnicalGrade(technicalUnits: number, gradePoints: number): boolean {
  return technicalUnits >= gradePoints * SCORE_SCALE;
}

/**
 * Pagu anggaran: a corrected price above the pagu fails (Perlem LKPP 12/2021 Lampiran II,
 * metode pagu anggaran). Exactly the pagu is valid.
 */
export function isAbovePagu(correctedPrice: bigint, pagu: bigint): boolean {
  return correctedPrice > pagu;
}

export interface TechnicalCandidate {
  bidId: string;
  technicalUnits: number;
  submittedAt: Date;
}

/**
 * The technical ranking of a two-file tender before its prices are opened: the bids at or
 * above the grade, best score first; ties by the earlier submission, then the id (as
 * ranking.ts's last resort). Kualitas opens only the first's price, and after a failed
 * negotiation the next's.
 */
export function technicalOrder<T extends TechnicalCandidate>(candidates: readonly T[], gradePoints: number): T[] {
  return candidates
    .filter((c) => passesTechnicalGrade(c.technicalUnits, gradePoints))
    .sort(
      (a, b) =>
        b.technicalUnits - a.technicalUnits ||
        a.submittedAt.getTime() - b.submittedAt.getTime() ||
        (a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0),
    );
}
