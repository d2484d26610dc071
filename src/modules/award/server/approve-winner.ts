import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { dbNow } from "@/server/db";
import { inPdfTransaction } from "@/server/pdf";
import { AppError } from "@/server/errors";
import { adoptIfMajority } from "./adopt-winner-proposal";
import { lockForAward } from "./propose-winner";
import { currentWinnerBasis } from "./winner-basis";
import { loadOpenProposal, supersedeProposal } from "./winner-proposals";

export interface WinnerDecisionInput {
  tenderId: string;
  proposalId: string;
  decision: "APPROVE" | "DISAGREE";
  /** required to disagree (the schema and a CHECK hold it) */
  reason: string | null;
}

/**
 * A Pokja member approves a winner proposal or disagrees with a reason (SPSE's
 * Persetujuan Pemenang), once. The evaluation is first ranked again from the current
 * decisions: if it no longer matches the proposal's fingerprint (a decision changed, the
 * evaluation was reopened after a sanggah) the proposal is superseded, recorded, and the
 * member is told to propose again. When approvals pass half of the Pokja the winner is
 * set and the Berita Acara Hasil Pemilihan stored, in this transaction under the
 * tender's lock, so two members approving at once set the winner once.
 */
export async function decideWinnerProposal(actor: Actor, input: WinnerDecisionInput) {
  // adopting draws the Berita Acara Hasil Pemilihan
  const result = await inPdfTransaction(async (tx, files) => {
    const tender = await lockForAward(tx, actor, input.tenderId);
    const proposal = await loadOpenProposal(tx, tender.id, input.proposalId);
    if (proposal.approvals.some((a) => a.userId === actor.userId))
      throw new AppError("INVALID_STATE", "winnerProposalDecided");
    const now = await dbNow(tx);

    const current = await currentWinnerBasis(tx, tender).catch((error: unknown) => {
      if (error instanceof AppError) return null; // no winner can be named from the evaluation as it is now
      throw error;
    });
    if (current?.fingerprint !== proposal.fingerprint) {
      await supersedeProposal(tx, actor, proposal, now, current?.fingerprint ?? null);
      return { stale: true as const };
    }

    const reason = input.decision === "DISAGREE" ? input.reason : null;
    await tx.winnerApproval.create({
      data: { proposalId: proposal.id, userId: actor.userId, decision: input.decision, reason, decidedAt: now },
    });
    await recordAuditEvent(tx, {
      actor,
      action: input.decision === "APPROVE" ? "winnerProposal.approved" : "winnerProposal.disagreed",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        proposalId: proposal.id,
        fingerprint: proposal.fingerprint,
        reason,
        decidedById: actor.userId,
        decidedAt: now.toISOString(),
      },
    });
    const adopted = input.decision === "APPROVE" ? await adoptIfMajority(tx, actor, tender, proposal.id, now) : null;
    files.keep(adopted?.discard);
    return { stale: false as const, adopted: adopted !== null, beritaAcaraId: adopted?.documentId ?? null };
  });
  // the supersession is committed; the member learns why nothing else happened
  if (result.stale) throw new AppError("INVALID_STATE", "winnerProposalStale");
  return result;
}
