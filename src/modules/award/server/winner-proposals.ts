import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { proposalStanding } from "../domain/winner-approval";

/** A proposal still awaiting the Pokja: not withdrawn, superseded or adopted (one per tender: a partial unique index). */
export const OPEN_PROPOSAL = {
  withdrawnAt: null,
  supersededAt: null,
  adoptedAt: null,
} satisfies Prisma.WinnerProposalWhereInput;

export const PROPOSAL = {
  id: true,
  tenderId: true,
  proposedById: true,
  winnerBidId: true,
  reserve1BidId: true,
  reserve2BidId: true,
  fingerprint: true,
  basis: true,
  proposedAt: true,
  withdrawnAt: true,
  supersededAt: true,
  adoptedAt: true,
  approvals: {
    orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
    select: { userId: true, decision: true, reason: true, decidedAt: true },
  },
} satisfies Prisma.WinnerProposalSelect;

export type Proposal = Prisma.WinnerProposalGetPayload<{ select: typeof PROPOSAL }>;

/** The proposal of this tender, still open; the caller holds the tender's lock. */
export async function loadOpenProposal(tx: Tx, tenderId: string, proposalId: string): Promise<Proposal> {
  const proposal = await tx.winnerProposal.findFirst({ where: { id: proposalId, tenderId }, select: PROPOSAL });
  if (!proposal) throw new AppError("NOT_FOUND");
  if (proposal.withdrawnAt || proposal.supersededAt || proposal.adoptedAt)
    throw new AppError("INVALID_STATE", "winnerProposalClosed");
  return proposal;
}

/** Members of the tender's Pokja: the body whose majority decides. */
export async function countPokjaMembers(tx: Tx, tenderId: string): Promise<number> {
  return tx.pokjaMember.count({ where: { pokja: { tenders: { some: { id: tenderId } } } } });
}

/** The user ids of the tender's Pokja members. */
export async function pokjaMemberIds(tx: Tx, tenderId: string): Promise<string[]> {
  const members = await tx.pokjaMember.findMany({
    where: { pokja: { tenders: { some: { id: tenderId } } } },
    select: { userId: true },
  });
  return members.map((m) => m.userId);
}

export async function standingOf(tx: Tx, tenderId: string, proposal: Pick<Proposal, "approvals">) {
  return proposalStanding(await countPokjaMembers(tx, tenderId), proposal.approvals);
}

/**
 * The evaluation no longer matches what the proposal was made on (a decision changed, the
 * evaluation was reopened): it can never be approved. Recorded, then the caller refuses.
 */
export async function supersedeProposal(
  tx: Tx,
  actor: Actor,
  proposal: Pick<Proposal, "id" | "tenderId" | "fingerprint">,
  now: Date,
  currentFingerprint: string | null,
) {
  await tx.winnerProposal.update({ where: { id: proposal.id }, data: { supersededAt: now } });
  await recordAuditEvent(tx, {
    actor,
    action: "winnerProposal.superseded",
    entityType: "Tender",
    entityId: proposal.tenderId,
    data: { proposalId: proposal.id, fingerprint: proposal.fingerprint, currentFingerprint, at: now.toISOString() },
  });
}
