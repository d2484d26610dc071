import "server-only";
import type { Actor } from "@/modules/auth/domain";
import type { EvaluatingTender } from "@/modules/evaluation";
import { applyTenderEvent } from "@/modules/tenders";
import { getLpseLetterhead } from "@/modules/lpse";
import type { Tx } from "@/server/db";
import { storeGeneratedPdf } from "@/server/pdf";
import { pokjaMajority } from "@/modules/organisation/domain";
import { assertBidsNotBlacklisted } from "@/modules/blacklist";
import { renderBeritaAcaraHasil, type ResultRecord } from "./berita-acara-hasil";
import type { WinnerBasis } from "./winner-basis";
import { countPokjaMembers, PROPOSAL } from "./winner-proposals";

/**
 * Once more than half of the Pokja approve, the proposal takes effect in the caller's
 * transaction (which holds the tender's lock, so two last approvals cannot both get here):
 * the Berita Acara Hasil Pemilihan is drawn and stored beside the BA Pembukaan, the
 * proposal is marked adopted, and the lifecycle's `winnerSet` sets the winner and records
 * it. Returns null while the majority is not there; else the stored file's `discard`,
 * for the caller to remove it if the transaction fails after all.
 */
export async function adoptIfMajority(tx: Tx, actor: Actor, tender: EvaluatingTender, proposalId: string, now: Date) {
  const proposal = await tx.winnerProposal.findUniqueOrThrow({ where: { id: proposalId }, select: PROPOSAL });
  const members = await countPokjaMembers(tx, tender.id);
  const needed = pokjaMajority(members);
  if (proposal.approvals.filter((a) => a.decision === "APPROVE").length < needed) return null;
  // a sanction entered since the proposal binds at adoption too (daftar hitam, Perpres 16/2018 Pasal 78)
  const chosen = [proposal.winnerBidId, proposal.reserve1BidId, proposal.reserve2BidId];
  await assertBidsNotBlacklisted(tx, chosen, actor.locale);

  const details = await tx.tender.findUniqueOrThrow({
    where: { id: tender.id },
    select: {
      procedure: { select: { name: true } },
      paket: { select: { agency: { select: { name: true, timeZone: true, lpse: { select: { name: true } } } } } },
    },
  });
  const users = await tx.user.findMany({
    where: { id: { in: proposal.approvals.map((a) => a.userId) } },
    select: { id: true, name: true },
  });
  const basis = proposal.basis as unknown as WinnerBasis;
  const record: ResultRecord = {
    lpseName: details.paket.agency.lpse.name,
    tenderCode: tender.code,
    paketName: tender.paket.name,
    agencyName: details.paket.agency.name,
    procedureName: details.procedure.name,
    hps: tender.hps.toString(),
    timeZone: details.paket.agency.timeZone,
    adoptedAt: now.toISOString(),
    members,
    needed,
    proposal: { id: proposal.id, fingerprint: proposal.fingerprint, proposedById: proposal.proposedById },
    decisions: proposal.approvals.map((a) => ({
      userId: a.userId,
      name: users.find((u) => u.id === a.userId)?.name ?? a.userId,
      decision: a.decision,
      reason: a.reason,
      decidedAt: a.decidedAt.toISOString(),
    })),
    basis,
  };
  const pdf = await renderBeritaAcaraHasil(record, await getLpseLetterhead(tx));
  // The same kind as the BA Pembukaan, so the same people may read it (docs/decisions/0025)
  const ba = await storeGeneratedPdf(tx, {
    kind: "BERITA_ACARA",
    fileName: `BA-Hasil-Pemilihan-${tender.code}.pdf`,
    bytes: pdf,
    tenderId: tender.id,
    isPublic: false,
    uploadedById: actor.userId,
  });
  try {
    await tx.winnerProposal.update({
      where: { id: proposal.id },
      data: { adoptedAt: now, beritaAcaraId: ba.document.id },
    });
    const { winnerBidId, reserve1BidId, reserve2BidId } = proposal;
    const winner = basis.bids.find((b) => b.bidId === winnerBidId);
    await applyTenderEvent(
      tx,
      tender.id,
      { kind: "winnerSet", winnerBidId, reserve1BidId, reserve2BidId },
      {
        actor,
        now,
        audit: {
          ...record,
          winnerVendorName: winner?.vendorName ?? null,
          correctedPrice: winner?.correctedPrice ?? winner?.openedPrice ?? null,
          passedAll: basis.bids.filter((b) => b.passedAll).length,
          beritaAcara: { documentId: ba.document.id, sha256: ba.document.sha256 },
        },
      },
    );
  } catch (error) {
    await ba.discard().catch(() => {});
    throw error;
  }
  return { documentId: ba.document.id, discard: ba.discard };
}
