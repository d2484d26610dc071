import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow } from "@/server/db";
import { applyRanking, rankingForAudit } from "./apply-ranking";
import { lockEvaluatingTender, loadEvaluatedBids } from "./evaluation-context";

/**
 * The Pokja ranks the passing bids once every bid is decided (pure rules in
 * domain/ranking.ts), so pembuktian can start with the best-ranked.
 */
export async function rankTenderBids(actor: Actor, input: { tenderId: string }) {
  return db.$transaction(async (tx) => {
    const tender = await lockEvaluatingTender(tx, actor, input.tenderId);
    const ranked = await applyRanking(tx, tender, await loadEvaluatedBids(tx, tender.id));
    const now = await dbNow(tx);
    await recordAuditEvent(tx, {
      actor,
      action: "evaluation.ranked",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        method: tender.evaluationMethod ?? "HARGA_TERENDAH",
        ranking: rankingForAudit(ranked),
        decidedById: actor.userId,
        decidedAt: now.toISOString(),
      },
    });
    return ranked.map((r) => ({ bidId: r.bidId, rank: r.rank }));
  });
}
