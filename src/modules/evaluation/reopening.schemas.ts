import { z } from "zod";
import { REOPEN_REASON_MAX, REOPEN_REASON_MIN, REOPENABLE_STAGES } from "./domain/reopening";

// Error texts are keys in errors.json (src/server/action.ts translates them).
export const reopenEvaluationSchema = z.object({
  tenderId: z.uuid(),
  fromStage: z.enum(REOPENABLE_STAGES, "reopenPickStage"),
  reason: z.string().trim().min(REOPEN_REASON_MIN, "reasonTooShort").max(REOPEN_REASON_MAX, "reasonTooLong"),
});

export type ReopenEvaluationInput = z.infer<typeof reopenEvaluationSchema>;
