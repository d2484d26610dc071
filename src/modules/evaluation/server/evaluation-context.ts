import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/modules/auth/domain";
import { lockPokjaTender } from "@/modules/tenders";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
export { toDecisions } from "../domain/stage-progress";

const TENDER = {
  id: true,
  code: true,
  status: true,
  openedAt: true,
  awardedAt: true,
  announcedAt: true,
  publishedAt: true,
  evaluationMethod: true,
  technicalWeight: true,
  priceWeight: true,
  technicalPassingGrade: true,
  priceOpenedAt: true,
  prequalificationRound: true,
  procedure: { select: { twoFiles: true, technicalPassingGrade: true, hasPrakualifikasi: true } },
  paket: { select: { name: true, hps: true, pagu: true, category: true, agency: { select: { timeZone: true } } } },
} satisfies Prisma.TenderSelect;

/**
 * The tender a Pokja member evaluates, locked for the transaction so two members'
 * decisions take turns. Evaluation runs after the opening (openedAt, status EVALUATION)
 * and ends with penetapan (awardedAt): after that the result is fixed (re-evaluation is
 * the sanggah's remedy, built elsewhere).
 */
export async function lockEvaluatingTender(tx: Tx, actor: Actor, tenderId: string) {
  const tender = await lockPokjaTender(tx, actor, tenderId, "tender.evaluate", TENDER);
  if (tender.status !== "EVALUATION" || tender.openedAt === null)
    throw new AppError("INVALID_STATE", "evaluationNotOpened");
  if (tender.awardedAt !== null) throw new AppError("INVALID_STATE", "evaluationClosed");
  if (tender.paket.hps === null) throw new AppError("INVALID_STATE", "paketHasNoHps");
  return {
    ...tender,
    hps: tender.paket.hps,
    pagu: tender.paket.pagu,
    twoFiles: tender.procedure.twoFiles,
    // seleksi: the qualification was proven in the prakualifikasi (domain/pembuktian.ts)
    hasPrakualifikasi: tender.procedure.hasPrakualifikasi,
    // the tender's grade, or the procedure's default where the set-up left it (as the price opening reads it)
    technicalPassingGrade: tender.technicalPassingGrade ?? tender.procedure.technicalPassingGrade,
  };
}

export type EvaluatingTender = Awaited<ReturnType<typeof lockEvaluatingTender>>;

/** Bids under evaluation: the standing (SUBMITTED) bids the opening could read. */
export const EVALUATED_BIDS = { status: "SUBMITTED", openedPrice: { not: null } } satisfies Prisma.BidWhereInput;

/**
 * A two-file tender's bids are judged (administrasi to teknis) before their price envelope
 * is opened (issue 15): every standing bid of an opened two-file tender is under evaluation,
 * its price only once the price opening read it.
 */
export const BIDS_UNDER_EVALUATION = {
  status: "SUBMITTED",
  OR: [{ openedPrice: { not: null } }, { tender: { procedure: { twoFiles: true } } }],
} satisfies Prisma.BidWhereInput;

export const BID_FOR_EVALUATION = {
  id: true,
  vendorId: true,
  submittedAt: true,
  openedPrice: true,
  priceOpenedAt: true,
  correctedPrice: true,
  isLowPriceFlagged: true,
  lowPriceClarification: true,
  rank: true,
  vendor: { select: { name: true } },
  evaluations: {
    select: {
      stage: true,
      passed: true,
      reason: true,
      technicalScore: true,
      correctedPrice: true,
      lifeCycleCost: true,
      decidedAt: true,
      decidedById: true,
    },
  },
} satisfies Prisma.BidSelect;

export type BidForEvaluation = Prisma.BidGetPayload<{ select: typeof BID_FOR_EVALUATION }>;

/**
 * A Tender Cepat's decisions are the system's, read at the opening from the verified
 * profile and the HPS rule (decidedById NULL: docs/decisions/0028). A member does not
 * overrule them alone; an accepted sanggah reopens the evaluation for decisions by hand.
 */
export function assertNotAutomatic(previous: { decidedById: string | null } | null) {
  if (previous && previous.decidedById === null) throw new AppError("INVALID_STATE", "evaluationAutomatic");
}

export function loadEvaluatedBids(tx: Tx, tenderId: string) {
  return tx.bid.findMany({
    where: { tenderId, ...EVALUATED_BIDS },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: BID_FOR_EVALUATION,
  });
}

export async function loadEvaluatedBid(tx: Tx, tenderId: string, bidId: string) {
  const bid = await tx.bid.findFirst({
    where: { id: bidId, tenderId, ...BIDS_UNDER_EVALUATION },
    select: BID_FOR_EVALUATION,
  });
  if (!bid) throw new AppError("NOT_FOUND");
  return bid;
}
