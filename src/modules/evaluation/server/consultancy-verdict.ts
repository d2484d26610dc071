import "server-only";
import { formatRupiah } from "@/lib/money";
import { AppError } from "@/server/errors";
import { isAbovePagu, isConsultancyMethod, passesTechnicalGrade } from "../domain/consultancy";
import { formatScore } from "../domain/scoring";
import type { EvaluatingTender } from "./evaluation-context";

/**
 * Two-file tenders (ProcedureConfig.twoFiles): the price stage is judged only after the
 * price envelope was opened (Perlem LKPP 12/2021 Lampiran II: the price files only of the
 * bids that passed the technical evaluation). Refused before, with a clear message.
 */
export function assertPriceOpened(
  tender: Pick<EvaluatingTender, "twoFiles">,
  bid: { openedPrice: bigint | null; priceOpenedAt: Date | null },
) {
  if (bid.openedPrice === null || (tender.twoFiles && bid.priceOpenedAt === null))
    throw new AppError("INVALID_STATE", "consultancy.priceNotOpened");
}

/**
 * The seleksi rules that fail a bid whatever the Pokja ticked: a technical score below the
 * tender's passing grade (nilai ambang batas), and under pagu anggaran a corrected price
 * above the pagu (Perlem LKPP 12/2021 Lampiran II). The stored reason says so first (in
 * Indonesian, as aboveHpsReason does), then the Pokja's own note. Null: no such rule applies.
 */
export function consultancyVerdict(
  tender: Pick<EvaluatingTender, "evaluationMethod" | "technicalPassingGrade" | "pagu">,
  stage: string,
  technicalScoreUnits: number | null | undefined,
  correctedPrice: bigint | undefined,
): string | null {
  if (!isConsultancyMethod(tender.evaluationMethod)) return null;
  const grade = tender.technicalPassingGrade;
  if (stage === "TEKNIS" && grade !== null && technicalScoreUnits != null)
    return passesTechnicalGrade(technicalScoreUnits, grade)
      ? null
      : `Nilai teknis ${formatScore(technicalScoreUnits)} di bawah nilai ambang batas ${grade}; penawaran dinyatakan gugur.`;
  if (stage === "HARGA" && tender.evaluationMethod === "PAGU_ANGGARAN" && correctedPrice !== undefined)
    return isAbovePagu(correctedPrice, tender.pagu)
      ? `Harga penawaran terkoreksi ${formatRupiah(correctedPrice)} melebihi pagu anggaran ${formatRupiah(tender.pagu)}; penawaran dinyatakan gugur.`
      : null;
  return null;
}
