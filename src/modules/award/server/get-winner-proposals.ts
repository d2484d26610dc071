import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db } from "@/server/db";
import { pokjaMajority } from "@/modules/organisation/domain";
import { proposalStanding } from "../domain/winner-approval";
import { countPokjaMembers } from "./winner-proposals";

const SHOWN = 5;

/**
 * The winner proposals of a tender, newest first, for its Pokja's award desk: who proposed
 * what, each member's approval or disagreement with its reason and time, where it stands,
 * and what the viewing member may still do. Only members of the tender's Pokja get it.
 */
export async function getWinnerProposals(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.evaluate");
  const members = await countPokjaMembers(db, tenderId);
  const rows = await db.winnerProposal.findMany({
    where: { tenderId },
    orderBy: [{ proposedAt: "desc" }, { id: "desc" }],
    take: SHOWN,
    select: {
      id: true,
      proposedById: true,
      proposedAt: true,
      withdrawnAt: true,
      supersededAt: true,
      adoptedAt: true,
      beritaAcaraId: true,
      proposedBy: { select: { name: true } },
      winnerBid: { select: { vendor: { select: { name: true } } } },
      reserve1Bid: { select: { vendor: { select: { name: true } } } },
      reserve2Bid: { select: { vendor: { select: { name: true } } } },
      approvals: {
        orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
        select: { userId: true, decision: true, reason: true, decidedAt: true, user: { select: { name: true } } },
      },
    },
  });
  const proposals = rows.map((p) => {
    const standing = proposalStanding(members, p.approvals);
    const state = p.adoptedAt
      ? "ADOPTED"
      : p.withdrawnAt
        ? "WITHDRAWN"
        : p.supersededAt
          ? "SUPERSEDED"
          : standing.kind === "CANNOT_PASS"
            ? "CANNOT_PASS"
            : "OPEN";
    const isOpen = state === "OPEN" || state === "CANNOT_PASS";
    const hasDecided = p.approvals.some((a) => a.userId === actor.userId);
    return {
      id: p.id,
      state,
      proposedBy: p.proposedBy.name,
      proposedAt: p.proposedAt,
      endedAt: p.adoptedAt ?? p.withdrawnAt ?? p.supersededAt,
      beritaAcaraId: p.beritaAcaraId,
      winner: p.winnerBid.vendor.name,
      reserves: [p.reserve1Bid?.vendor.name, p.reserve2Bid?.vendor.name].filter((n): n is string => Boolean(n)),
      approvals: p.approvals.filter((a) => a.decision === "APPROVE").length,
      decisions: p.approvals.map((a) => ({
        name: a.user.name,
        decision: a.decision,
        reason: a.reason,
        decidedAt: a.decidedAt,
      })),
      canDecide: isOpen && !hasDecided,
      canWithdraw: isOpen && (p.proposedById === actor.userId || state === "CANNOT_PASS"),
    };
  });
  return {
    members,
    needed: pokjaMajority(members),
    proposals,
    hasOpen: proposals.some((p) => p.state === "OPEN" || p.state === "CANNOT_PASS"),
  };
}

export type WinnerProposals = Awaited<ReturnType<typeof getWinnerProposals>>;
