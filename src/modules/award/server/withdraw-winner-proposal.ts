import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { lockForAward } from "./propose-winner";
import { loadOpenProposal, standingOf } from "./winner-proposals";

/**
 * The proposer withdraws an open winner proposal, so another can be made. Any member may
 * withdraw one that so many disagree with that no majority can approve it any more:
 * otherwise an absent proposer would leave the tender with no way forward.
 */
export async function withdrawWinnerProposal(actor: Actor, input: { tenderId: string; proposalId: string }) {
  return db.$transaction(async (tx) => {
    const tender = await lockForAward(tx, actor, input.tenderId);
    const proposal = await loadOpenProposal(tx, tender.id, input.proposalId);
    const standing = await standingOf(tx, tender.id, proposal);
    if (proposal.proposedById !== actor.userId && standing.kind !== "CANNOT_PASS")
      throw new AppError("FORBIDDEN", "winnerProposalNotYours");
    const now = await dbNow(tx);
    await tx.winnerProposal.update({
      where: { id: proposal.id },
      data: { withdrawnAt: now, withdrawnById: actor.userId },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "winnerProposal.withdrawn",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        proposalId: proposal.id,
        fingerprint: proposal.fingerprint,
        standing: standing.kind,
        withdrawnById: actor.userId,
        withdrawnAt: now.toISOString(),
      },
    });
    return { withdrawnAt: now };
  });
}
