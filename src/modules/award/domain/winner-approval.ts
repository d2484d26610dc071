import { pokjaMajority } from "@/modules/organisation/domain";

/**
 * Penetapan by the Pokja as a body. The Pokja Pemilihan decides as a committee (Perpres
 * 16/2018 as amended by Perpres 12/2021, Pasal 13: three members, or an odd number more;
 * Perlem LKPP 12/2021 Lampiran II: the Pokja "menetapkan" the winner): one member
 * proposes, the others approve or disagree with a reason, as SPSE's Persetujuan Pemenang.
 * The proposal takes effect with the approval of more than half of the members
 * (pokjaMajority: SPSE's practice, configuration rather than law).
 */
/** A member's answer to a proposal: Prisma's WinnerApprovalDecision (checked in src/server/domain-enums.ts). */
export const WINNER_APPROVAL_DECISIONS = ["APPROVE", "DISAGREE"] as const;
export type WinnerApprovalDecision = (typeof WINNER_APPROVAL_DECISIONS)[number];

export type ProposalStanding =
  | { kind: "ADOPTED" }
  | { kind: "OPEN"; approvals: number; needed: number }
  /** so many disagree that the members still to decide cannot make a majority */
  | { kind: "CANNOT_PASS"; approvals: number; needed: number };

/** Where a proposal stands after `decisions` by a Pokja of `members`. */
export function proposalStanding(
  members: number,
  decisions: readonly { decision: WinnerApprovalDecision }[],
): ProposalStanding {
  const needed = pokjaMajority(members);
  const approvals = decisions.filter((d) => d.decision === "APPROVE").length;
  if (approvals >= needed) return { kind: "ADOPTED" };
  const undecided = members - decisions.length;
  return approvals + undecided < needed
    ? { kind: "CANNOT_PASS", approvals, needed }
    : { kind: "OPEN", approvals, needed };
}
