"use server";

import { revalidatePath } from "next/cache";
import { announceWinner } from "@/modules/award";
import { action } from "@/server/action";
import {
  recordClarificationSchema,
  recordEvaluationSchema,
  recordPembuktianSchema,
  sendInvitationSchema,
  tenderOnlySchema,
} from "./evaluation.schemas";
import { rankTenderBids } from "./server/rank-bids";
import { recordEvaluation } from "./server/record-evaluation";
import { recordLowPriceClarification } from "./server/record-low-price-clarification";
import { recordPembuktian } from "./server/record-pembuktian";
import { sendEvaluationInvitation } from "./server/send-evaluation-invitation";

const refresh = (tenderId: string) => revalidatePath(`/pokja/evaluasi/${tenderId}`);

// One-line wrappers; the use cases check the Pokja seat and the tender's state. Results
// carry no bigint or Date the form does not need.
export const recordEvaluationAction = action(recordEvaluationSchema, async (input, actor) => {
  const { passed } = await recordEvaluation(actor, input);
  refresh(input.tenderId);
  return { passed };
});

export const recordClarificationAction = action(recordClarificationSchema, async (input, actor) => {
  await recordLowPriceClarification(actor, input);
  refresh(input.tenderId);
  return null;
});

export const recordPembuktianAction = action(recordPembuktianSchema, async (input, actor) => {
  await recordPembuktian(actor, input);
  refresh(input.tenderId);
  return null;
});

export const rankBidsAction = action(tenderOnlySchema, async (input, actor) => {
  await rankTenderBids(actor, input);
  refresh(input.tenderId);
  return null;
});

export const announceWinnerAction = action(tenderOnlySchema, async (input, actor) => {
  await announceWinner(actor, input);
  refresh(input.tenderId);
  revalidatePath("/tender", "layout");
  return null;
});

export const sendInvitationAction = action(sendInvitationSchema, async (input, actor) => {
  const { notified } = await sendEvaluationInvitation(actor, input);
  refresh(input.tenderId);
  return { notified };
});
