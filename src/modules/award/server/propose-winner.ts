import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { lockEvaluatingTender } from "@/modules/evaluation";
import { notify } from "@/modules/notifications";
import { assertPenunjukanNegotiated } from "@/modules/penunjukan";
import { assertBidsNotBlacklisted } from "@/modules/blacklist";
import { dbNow } from "@/server/db";
import { inPdfTransaction } from "@/server/pdf";
import { AppError } from "@/server/errors";
import { winnerProposedMessage } from "../domain/award-messages";
import { adoptIfMajority } from "./adopt-winner-proposal";
import { currentWinnerBasis } from "./winner-basis";
import { OPEN_PROPOSAL, pokjaMemberIds, supersedeProposal } from "./winner-proposals";

/** After penetapan the evaluation is fixed: say so in the award's words. */
export function lockForAward(tx: Parameters<typeof lockEvaluatingTender>[0], actor: Actor, tenderId: string) {
  return lockEvaluatingTender(tx, actor, tenderId).catch((error: unknown) => {
    if (error instanceof AppError && error.messageKey === "evaluationClosed")
      throw new AppError("INVALID_STATE", "winnerAlreadySet");
    throw error;
  });
}

/**
 * Usulan penetapan pemenang: a Pokja member proposes the winner and reserves 1 and 2 the
 * rules select from the recorded decisions (winner-basis.ts), with the ranking and
 * decisions it rests on. The proposal counts as the proposer's approval; it takes effect
 * once more than half of the Pokja approve (approve-winner.ts). While an open proposal
 * made on this same evaluation stands, another is refused; one made on an evaluation
 * that has since changed is superseded.
 */
export async function proposeWinner(actor: Actor, input: { tenderId: string }) {
  // adopting draws the Berita Acara Hasil Pemilihan
  return inPdfTransaction(async (tx, files) => {
    const tender = await lockForAward(tx, actor, input.tenderId);
    await assertPenunjukanNegotiated(tx, tender.id);
    const { basis, fingerprint } = await currentWinnerBasis(tx, tender);
    // daftar hitam: a sanctioned bidder is neither winner nor reserve (Perpres 16/2018 Pasal 78)
    const chosen = [basis.winnerBidId, basis.reserve1BidId, basis.reserve2BidId];
    await assertBidsNotBlacklisted(tx, chosen, actor.locale);
    const now = await dbNow(tx);
    const open = await tx.winnerProposal.findFirst({
      where: { tenderId: tender.id, ...OPEN_PROPOSAL },
      select: { id: true, tenderId: true, fingerprint: true },
    });
    if (open && open.fingerprint === fingerprint) throw new AppError("INVALID_STATE", "winnerProposalOpen");
    if (open) await supersedeProposal(tx, actor, open, now, fingerprint);

    const { winnerBidId, reserve1BidId, reserve2BidId } = basis;
    const proposal = await tx.winnerProposal.create({
      data: {
        tenderId: tender.id,
        proposedById: actor.userId,
        winnerBidId,
        reserve1BidId,
        reserve2BidId,
        fingerprint,
        basis: JSON.parse(JSON.stringify(basis)),
        proposedAt: now,
      },
      select: { id: true },
    });
    await tx.winnerApproval.create({
      data: { proposalId: proposal.id, userId: actor.userId, decision: "APPROVE", decidedAt: now },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "winnerProposal.proposed",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        proposalId: proposal.id,
        winnerBidId,
        reserve1BidId,
        reserve2BidId,
        fingerprint,
        ranking: basis.ranking,
        proposedById: actor.userId,
        proposedAt: now.toISOString(),
      },
    });
    // a Pokja whose majority is one member: the proposal is the decision
    const adopted = await adoptIfMajority(tx, actor, tender, proposal.id, now);
    files.keep(adopted?.discard);
    if (!adopted) {
      const winner = await tx.bid.findUniqueOrThrow({
        where: { id: winnerBidId },
        select: { vendor: { select: { name: true } } },
      });
      const others = (await pokjaMemberIds(tx, tender.id)).filter((id) => id !== actor.userId);
      await notify(tx, {
        ...winnerProposedMessage(
          { id: tender.id, code: tender.code, name: tender.paket.name },
          { proposerName: actor.name, winnerName: winner.vendor.name },
        ),
        userIds: others,
      });
    }
    return { proposalId: proposal.id, winnerBidId, reserve1BidId, reserve2BidId, adopted: adopted !== null };
  });
}
