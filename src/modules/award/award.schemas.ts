import { z } from "zod";
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH } from "@/modules/evaluation/domain";

// Messages are keys in errors.json; the action wrapper translates them.
export const proposeWinnerSchema = z.object({ tenderId: z.uuid() });

export const withdrawWinnerProposalSchema = z.object({ tenderId: z.uuid(), proposalId: z.uuid() });

/** Approve, or disagree with a reason (the reason is dropped for an approval). */
export const decideWinnerProposalSchema = z
  .object({
    tenderId: z.uuid(),
    proposalId: z.uuid(),
    decision: z.enum(["APPROVE", "DISAGREE"], { message: "winnerDecisionRequired" }),
    reason: z.string().trim().max(REASON_MAX_LENGTH, "evaluationReasonTooLong").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "DISAGREE" && v.reason.length < REASON_MIN_LENGTH)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "winnerDisagreeReasonRequired" });
  })
  .transform((v) => ({ ...v, reason: v.decision === "DISAGREE" ? v.reason : null }));
