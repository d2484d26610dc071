"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { reopenEvaluationSchema } from "./reopening.schemas";
import { reopenEvaluation } from "./server/reopen-evaluation";

// A one-line wrapper; the use case checks the Pokja seat and the tender's state.
export const reopenEvaluationAction = action(reopenEvaluationSchema, async (input, actor) => {
  await reopenEvaluation(actor, input);
  revalidatePath(`/pokja/evaluasi/${input.tenderId}`);
  revalidatePath(`/pokja/sanggah/${input.tenderId}`);
  return null;
});
