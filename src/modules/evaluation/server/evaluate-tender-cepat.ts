import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { findUnmetRequirements } from "@/modules/tenders";
import type { Tx } from "@/server/db";
import { evaluateAutomatically } from "../domain/automatic-evaluation";
import { evaluationRuleAt } from "../domain/evaluation-rules";
import { loadEvaluatedBids } from "./evaluation-context";

/**
 * At the opening of a Tender Cepat, in the opening's transaction: the system records
 * every readable bid's evaluation (domain/automatic-evaluation.ts), qualification read
 * from each vendor's verified profile at that instant. The rows carry no decidedById
 * (the system decided, not a person; PostgreSQL allows that only on a Tender Cepat), and
 * one audit event, under the opening's actor, lists every decision. The Pokja then sets
 * the winner: the lowest price among the qualified.
 */
export async function evaluateTenderCepat(tx: Tx, tenderId: string, now: Date, actor: Actor | null): Promise<void> {
  const tender = await tx.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: {
      code: true,
      method: true,
      publishedAt: true,
      requiredKbli: true,
      requiredPermits: true,
      paket: { select: { hps: true, category: true } },
    },
  });
  if (tender.method !== "TENDER_CEPAT" || tender.paket.hps === null) return;
  const bids = await loadEvaluatedBids(tx, tenderId);
  const unmet = await findUnmetRequirements(
    tx,
    tenderId,
    bids.map((b) => b.vendorId),
    now,
  );
  const requirements = { kbli: tender.requiredKbli, permits: tender.requiredPermits };
  const rule = evaluationRuleAt(tender.publishedAt ?? now);

  const recorded = [];
  for (const bid of bids) {
    const result = evaluateAutomatically({
      price: bid.openedPrice!,
      hps: tender.paket.hps,
      category: tender.paket.category,
      rule,
      requirements,
      unmet: unmet.get(bid.vendorId)!,
    });
    await tx.evaluation.createMany({
      data: result.decisions.map((d) => ({
        tenderId,
        bidId: bid.id,
        stage: d.stage,
        passed: d.passed,
        reason: d.reason,
        decidedById: null,
        decidedAt: now,
        correctedPrice: d.stage === "HARGA" ? result.correctedPrice : null,
      })),
    });
    if (result.correctedPrice !== null) {
      await tx.bid.update({
        where: { id: bid.id },
        data: { correctedPrice: result.correctedPrice, isLowPriceFlagged: result.isLowPriceFlagged ?? false },
      });
    }
    recorded.push({
      bidId: bid.id,
      vendorId: bid.vendorId,
      correctedPrice: result.correctedPrice,
      isLowPriceFlagged: result.isLowPriceFlagged,
      decisions: result.decisions,
    });
  }
  await recordAuditEvent(tx, {
    actor,
    action: "evaluation.automatic",
    entityType: "Tender",
    entityId: tenderId,
    data: {
      code: tender.code,
      basis: "verifiedProfile",
      requirements,
      bids: recorded,
      decidedById: null,
      decidedAt: now.toISOString(),
    },
  });
}
