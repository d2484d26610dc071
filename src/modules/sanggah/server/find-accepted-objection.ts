import "server-only";
import type { Tx } from "@/server/db";
import { answerRoundStart } from "../domain/answer-round";
import { currentRound } from "../domain/closing";
import { findLastWithdrawal } from "./withdraw-award";

/** Was a sanggah or banding against the announcement in force (`announcedAt`) accepted? */
export async function hasAcceptedObjection(tx: Tx, tenderId: string, announcedAt: Date | null): Promise<boolean> {
  if (!announcedAt) return false;
  const accepted = await tx.sanggah.findMany({ where: { tenderId, decision: "ACCEPTED" }, select: { filedAt: true } });
  return currentRound(accepted, announcedAt).length > 0;
}

/**
 * How many sanggah and banding of the round still open to answers wait for one. A new
 * announcement closes that round (answer-round.ts), so announcing again while any waits
 * would leave an objection unanswered for good: the Pokja and the PA/KPA must answer every
 * one (Perlem LKPP 12/2021 Lampiran II).
 */
export async function countUnansweredObjections(
  tx: Tx,
  tender: { id: string; status: string; announcedAt: Date | null },
): Promise<number> {
  const roundStart = answerRoundStart(tender, await findLastWithdrawal(tx, tender.id));
  if (!roundStart) return 0;
  return tx.sanggah.count({ where: { tenderId: tender.id, answeredAt: null, filedAt: { gte: roundStart } } });
}
