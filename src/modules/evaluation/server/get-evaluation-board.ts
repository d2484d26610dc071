import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db } from "@/server/db";
import { evaluationRuleAt } from "../domain/evaluation-rules";
import { isAboveHps } from "../domain/price-rules";
import { decimalToUnits } from "../domain/scoring";
import { evaluationOutcome, toDecisions } from "../domain/stage-progress";
import { isTechnicalScored } from "../domain/consultancy";
import { BIDS_UNDER_EVALUATION } from "./evaluation-context";
import { prequalifiedVendorIds } from "./prequalified-vendors";

/**
 * The Pokja's evaluation desk: every opened bid with the company's name and NPWP (the
 * Pokja evaluates identified bids), its decisions per stage, the corrected price against
 * HPS, the 80% flag and the ranking. Only members of the tender's Pokja get it.
 */
export async function getEvaluationBoard(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.evaluate");
  const tender = await db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: {
      id: true,
      code: true,
      status: true,
      openedAt: true,
      publishedAt: true,
      awardedAt: true,
      announcedAt: true,
      evaluationMethod: true,
      technicalWeight: true,
      priceWeight: true,
      technicalPassingGrade: true,
      prequalificationRound: true,
      procedure: { select: { technicalPassingGrade: true, hasPrakualifikasi: true } },
      winnerBidId: true,
      reserve1BidId: true,
      reserve2BidId: true,
      paket: { select: { name: true, hps: true, category: true, agency: { select: { timeZone: true } } } },
      bids: {
        // a two-file tender's bids are judged before their price is opened (null until then)
        where: BIDS_UNDER_EVALUATION,
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          vendorId: true,
          submittedAt: true,
          openedPrice: true,
          correctedPrice: true,
          isLowPriceFlagged: true,
          lowPriceClarification: true,
          rank: true,
          vendor: { select: { name: true, npwp: true } },
          evaluations: {
            select: {
              stage: true,
              passed: true,
              reason: true,
              technicalScore: true,
              priceScore: true,
              score: true,
              lifeCycleCost: true,
              decidedAt: true,
              decidedById: true,
            },
          },
        },
      },
    },
  });
  const hps = tender.paket.hps ?? 0n;
  // seleksi: a bid's pembuktian is its firm's prakualifikasi result (domain/pembuktian.ts)
  const hasPrakualifikasi = tender.procedure.hasPrakualifikasi;
  const prequalified = await prequalifiedVendorIds(db, { ...tender, hasPrakualifikasi });
  const rule = evaluationRuleAt(tender.publishedAt ?? tender.openedAt ?? new Date(0));
  const bids = tender.bids.map((b) => {
    const price = b.correctedPrice ?? b.openedPrice;
    return {
      id: b.id,
      vendorName: b.vendor.name,
      npwp: b.vendor.npwp,
      submittedAt: b.submittedAt,
      openedPrice: b.openedPrice,
      correctedPrice: b.correctedPrice,
      isAboveHps: price !== null && isAboveHps(price, hps),
      isLowPriceFlagged: b.isLowPriceFlagged,
      lowPriceClarification: b.lowPriceClarification,
      rank: b.rank,
      prequalified: prequalified.has(b.vendorId),
      outcome: evaluationOutcome(toDecisions(b.evaluations)),
      evaluations: b.evaluations.map((e) => ({
        stage: e.stage,
        passed: e.passed,
        reason: e.reason,
        decidedAt: e.decidedAt,
        isAutomatic: e.decidedById === null,
        technicalUnits: decimalToUnits(e.technicalScore),
        priceUnits: decimalToUnits(e.priceScore),
        scoreUnits: decimalToUnits(e.score),
        lifeCycleCost: e.lifeCycleCost,
      })),
    };
  });
  return {
    tender: {
      id: tender.id,
      code: tender.code,
      name: tender.paket.name,
      status: tender.status,
      hps,
      category: tender.paket.category,
      timeZone: tender.paket.agency.timeZone,
      method: tender.evaluationMethod ?? "HARGA_TERENDAH",
      technicalWeight: tender.technicalWeight,
      priceWeight: tender.priceWeight,
      isTechnicalScored: isTechnicalScored(tender.evaluationMethod),
      technicalPassingGrade: tender.technicalPassingGrade ?? tender.procedure.technicalPassingGrade,
      openedAt: tender.openedAt,
      awardedAt: tender.awardedAt,
      announcedAt: tender.announcedAt,
      winnerBidId: tender.winnerBidId,
      reserveBidIds: [tender.reserve1BidId, tender.reserve2BidId].filter((id): id is string => id !== null),
      lowPriceThresholdPercent: rule.lowPriceThresholdPercent,
      hasPrakualifikasi,
    },
    bids,
    isEvaluating: tender.status === "EVALUATION" && tender.openedAt !== null && tender.awardedAt === null,
  };
}

export type EvaluationBoard = Awaited<ReturnType<typeof getEvaluationBoard>>;
