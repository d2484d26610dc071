import { z } from "zod";
import { ANSWER_MAX, ANSWER_MIN, QUESTION_MAX, QUESTION_MIN } from "./domain/question-rules";

// Error texts are keys in errors.json (src/server/action.ts translates them).
export const askQuestionSchema = z.object({
  tenderId: z.uuid(),
  body: z.string().trim().min(QUESTION_MIN, "questionTooShort").max(QUESTION_MAX, "questionTooLong"),
});

export const answerQuestionSchema = z.object({
  questionId: z.uuid(),
  body: z.string().trim().min(ANSWER_MIN, "answerTooShort").max(ANSWER_MAX, "answerTooLong"),
});

export type AskQuestionInput = z.infer<typeof askQuestionSchema>;
export type AnswerQuestionInput = z.infer<typeof answerQuestionSchema>;
