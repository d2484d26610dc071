import { makeOpenedTender } from "@/tests/factories";
import { EMPTY_FORM } from "@/tests/factories/seleksi";
import { db } from "@/server/db";
import type { ConsultancyMethod } from "../domain/consultancy";
import { rankTenderBids } from "../server/rank-bids";
import { recordEvaluation } from "../server/record-evaluation";

const HOUR = 3_600_000;

/**
 * For integration tests: an opened seleksi (the two-file consultancy procedure) judged by
 * `method`, its passing grade 70, its KLARIFIKASI_NEGOSIASI window begun an hour ago.
 * Bids' prices are not opened (priceOpenedAt null) until `openPrices`. Every bidder's firm
 * passed the prakualifikasi of round 1 and is on its shortlist (only the shortlist bids),
 * which is its pembuktian kualifikasi; `notShortlisted` names bidders (by index) that are not.
 */
export async function makeSeleksiTender(
  method: ConsultancyMethod,
  options: {
    prices?: bigint[];
    hps?: bigint;
    weights?: { technical: number; price: number };
    notShortlisted?: number[];
  } = {},
) {
  const ctx = await makeOpenedTender({ category: "JASA_KONSULTANSI", hps: options.hps, prices: options.prices });
  for (const [i, b] of ctx.bidders.entries()) {
    const listed = !options.notShortlisted?.includes(i);
    await db.prequalificationApplication.create({
      data: {
        tenderId: ctx.tender.id,
        vendorId: b.vendor.id,
        submittedById: b.user.id,
        submittedAt: new Date(ctx.now.getTime() - 300 * HOUR),
        form: EMPTY_FORM,
        passed: listed,
        score: listed ? 80 : 40,
        reason: "Keputusan uji prakualifikasi.",
        decidedById: ctx.pokja.userId,
        decidedAt: new Date(ctx.now.getTime() - 290 * HOUR),
        shortlisted: listed,
      },
    });
  }
  const weights = options.weights ?? (method === "KUALITAS_BIAYA" ? { technical: 80, price: 20 } : null);
  const tender = await db.tender.update({
    where: { id: ctx.tender.id },
    data: {
      evaluationMethod: method,
      technicalPassingGrade: 70,
      technicalWeight: weights?.technical ?? null,
      priceWeight: weights?.price ?? null,
    },
  });
  await db.tenderStage.create({
    data: {
      tenderId: tender.id,
      kind: "KLARIFIKASI_NEGOSIASI",
      position: 90,
      startsAt: new Date(ctx.now.getTime() - HOUR),
      endsAt: new Date(ctx.now.getTime() + 23 * HOUR),
    },
  });
  return { ...ctx, tender };
}

/** Stands in for the two-file price opening (helper E's): these bids' price envelopes read. */
export async function openPrices(bidIds: string[]) {
  await db.bid.updateMany({ where: { id: { in: bidIds } }, data: { priceOpenedAt: new Date() } });
}

/** Administrasi to teknis passed, with this technical score (thousandths). */
export async function passTechnical(
  actor: Parameters<typeof recordEvaluation>[0],
  tenderId: string,
  bidId: string,
  technicalScoreUnits: number,
) {
  for (const stage of ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS"] as const)
    await recordEvaluation(actor, {
      tenderId,
      bidId,
      stage,
      passed: true,
      reason: `Memenuhi syarat tahap ${stage.toLowerCase()}.`,
      technicalScoreUnits,
    });
}

/** The price stage passed (after the opening), then the ranking. */
export async function passPriceAndRank(
  actor: Parameters<typeof recordEvaluation>[0],
  tenderId: string,
  bidIds: string[],
) {
  for (const bidId of bidIds)
    await recordEvaluation(actor, {
      tenderId,
      bidId,
      stage: "HARGA",
      passed: true,
      reason: "Harga wajar dan sesuai dokumen pemilihan.",
    });
  return rankTenderBids(actor, { tenderId });
}
