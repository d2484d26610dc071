"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { answerQuestionSchema, askQuestionSchema } from "./questions.schemas";
import { answerQuestion } from "./server/answer-question";
import { askQuestion } from "./server/ask-question";

export const askQuestionAction = action(askQuestionSchema, async (input, actor) => {
  const result = await askQuestion(actor, input);
  revalidatePath(`/penyedia/tender/${input.tenderId}/penjelasan`);
  return result;
});

export const answerQuestionAction = action(answerQuestionSchema, async (input, actor) => {
  const result = await answerQuestion(actor, input);
  revalidatePath("/pokja/penjelasan", "layout");
  return result;
});
