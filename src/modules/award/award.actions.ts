"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { decideWinnerProposalSchema, proposeWinnerSchema, withdrawWinnerProposalSchema } from "./award.schemas";
import { decideWinnerProposal } from "./server/approve-winner";
import { proposeWinner } from "./server/propose-winner";
import { withdrawWinnerProposal } from "./server/withdraw-winner-proposal";

const refresh = (tenderId: string) => revalidatePath(`/pokja/evaluasi/${tenderId}`);

// One-line wrappers; the use cases check the Pokja seat, the tender's state and the proposal.
export const proposeWinnerAction = action(proposeWinnerSchema, async (input, actor) => {
  const { adopted } = await proposeWinner(actor, input);
  refresh(input.tenderId);
  return { adopted };
});

export const decideWinnerProposalAction = action(decideWinnerProposalSchema, async (input, actor) => {
  const { adopted } = await decideWinnerProposal(actor, input);
  refresh(input.tenderId);
  return { adopted };
});

export const withdrawWinnerProposalAction = action(withdrawWinnerProposalSchema, async (input, actor) => {
  await withdrawWinnerProposal(actor, input);
  refresh(input.tenderId);
  return null;
});
