import type { Actor } from "@/modules/auth/domain/permissions";
import { decideWinnerProposal } from "../server/approve-winner";
import { proposeWinner } from "../server/propose-winner";

/**
 * For integration tests: penetapan as the Pokja does it, one member proposing and a
 * second approving (a majority of a Pokja of three, as the factories make).
 */
export async function setWinnerByMajority(ctx: { pokjaMembers: Actor[]; tender: { id: string } }) {
  const [proposer, approver] = ctx.pokjaMembers;
  const proposal = await proposeWinner(proposer!, { tenderId: ctx.tender.id });
  await decideWinnerProposal(approver!, {
    tenderId: ctx.tender.id,
    proposalId: proposal.proposalId,
    decision: "APPROVE",
    reason: null,
  });
  return proposal;
}
