import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { EvaluationStage } from "@/generated/prisma/enums";
import { decimalToUnits } from "../domain/scoring";
import { maskNpwp } from "@/modules/award/domain";

/** The bid fields an announced result shows: never the sealed price, files or receipt. */
export const RESULT_BID = {
  id: true,
  openedPrice: true,
  correctedPrice: true,
  rank: true,
  vendor: { select: { name: true, npwp: true } },
  evaluations: {
    select: { stage: true, passed: true, reason: true, score: true, technicalScore: true, priceScore: true },
  },
} satisfies Prisma.BidSelect;

type ResultBid = Prisma.BidGetPayload<{ select: typeof RESULT_BID }>;

const STAGE_ORDER: readonly EvaluationStage[] = ["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA", "PEMBUKTIAN"];

export type AwardRole = "WINNER" | "RESERVE_1" | "RESERVE_2" | null;

export function roleOf(
  bidId: string,
  tender: { winnerBidId: string | null; reserve1BidId: string | null; reserve2BidId: string | null },
): AwardRole {
  if (bidId === tender.winnerBidId) return "WINNER";
  if (bidId === tender.reserve1BidId) return "RESERVE_1";
  if (bidId === tender.reserve2BidId) return "RESERVE_2";
  return null;
}

/** One bidder's announced result: decisions in stage order, with the reasons (SPSE shows why a bid failed). */
export function toResult(bid: ResultBid, role: AwardRole) {
  return {
    bidId: bid.id,
    vendorName: bid.vendor.name,
    npwpMasked: maskNpwp(bid.vendor.npwp),
    openedPrice: bid.openedPrice,
    correctedPrice: bid.correctedPrice,
    rank: bid.rank,
    role,
    stages: [...bid.evaluations]
      .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage))
      .map((e) => ({
        stage: e.stage,
        passed: e.passed,
        reason: e.reason,
        technicalUnits: decimalToUnits(e.technicalScore),
        scoreUnits: decimalToUnits(e.score),
      })),
  };
}

export type BidResult = ReturnType<typeof toResult>;
