import "server-only";
import type { EvaluationMethod } from "@/modules/tenders/domain";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { isConsultancyMethod, technicalOrder } from "../domain/consultancy";
import { negotiationTurn } from "../domain/negotiation";
import { decimalToUnits } from "../domain/scoring";
import { BIDS_UNDER_EVALUATION } from "./evaluation-context";

/**
 * Does this tender negotiate here? Decided by data: its schedule has a KLARIFIKASI_NEGOSIASI
 * stage (the procedure's stages, ProcedureConfig.stages) and it is judged by a consultancy
 * method; never by the procedure's name. (A penunjukan langsung negotiates in its own
 * record, src/modules/penunjukan.) Null: it does not.
 */
export async function negotiationStage(tx: Tx, tender: { id: string; evaluationMethod: EvaluationMethod | null }) {
  if (!isConsultancyMethod(tender.evaluationMethod)) return null;
  return tx.tenderStage.findFirst({
    where: { tenderId: tender.id, kind: "KLARIFIKASI_NEGOSIASI" },
    select: { startsAt: true, endsAt: true },
  });
}

/**
 * What the award needs: whether the tender negotiates, the agreement (bid and price) if
 * one was reached, and the bids whose negotiation failed (they cannot win).
 */
export async function negotiationResult(tx: Tx, tender: { id: string; evaluationMethod: EvaluationMethod | null }) {
  const stage = await negotiationStage(tx, tender);
  const records = await tx.negotiation.findMany({
    where: { tenderId: tender.id },
    select: { bidId: true, outcome: true, agreedPrice: true },
  });
  const agreed = records.find((r) => r.outcome === "AGREED");
  return {
    required: stage !== null,
    agreed: agreed ? { bidId: agreed.bidId, agreedPrice: agreed.agreedPrice! } : null,
    failedBidIds: new Set(records.filter((r) => r.outcome === "FAILED").map((r) => r.bidId)),
  };
}

/**
 * The order the Pokja negotiates in and where it stands (Perlem LKPP 12/2021 Lampiran II):
 * kualitas negotiates by the technical order (only the first's price is opened, then after
 * a failure the next's); the other methods by the stored ranking (rank-bids.ts). The turn
 * is the first bid without a failed negotiation; an agreement ends it.
 */
export async function negotiationStanding(
  tx: Tx,
  tender: { id: string; evaluationMethod: EvaluationMethod | null; technicalPassingGrade: number | null },
) {
  const records = await tx.negotiation.findMany({
    where: { tenderId: tender.id },
    orderBy: { negotiatedAt: "asc" },
    select: { id: true, bidId: true, outcome: true, agreedPrice: true, minutes: true, negotiatedAt: true },
  });
  let order: string[];
  if (tender.evaluationMethod === "KUALITAS") {
    const scored = await tx.bid.findMany({
      where: {
        tenderId: tender.id,
        ...BIDS_UNDER_EVALUATION,
        evaluations: { some: { stage: "TEKNIS", passed: true } },
      },
      select: {
        id: true,
        submittedAt: true,
        evaluations: { where: { stage: "TEKNIS" }, select: { technicalScore: true } },
      },
    });
    const candidates = scored.flatMap((b) => {
      const units = decimalToUnits(b.evaluations[0]?.technicalScore ?? null);
      return units === null ? [] : [{ bidId: b.id, technicalUnits: units, submittedAt: b.submittedAt }];
    });
    order = technicalOrder(candidates, tender.technicalPassingGrade ?? 0).map((c) => c.bidId);
  } else {
    const ranked = await tx.bid.findMany({
      where: { tenderId: tender.id, rank: { not: null } },
      orderBy: { rank: "asc" },
      select: { id: true },
    });
    order = ranked.map((b) => b.id);
  }
  if (order.length === 0) throw new AppError("INVALID_STATE", "consultancy.negotiationNotRanked");
  return { order, records, turn: negotiationTurn(order, records) };
}
