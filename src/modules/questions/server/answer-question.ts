import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { questionAnsweredMessage } from "@/modules/notifications/domain";
import { notifyTenderParticipants } from "@/modules/notifications";
import { lockPokjaTender } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkBeforeBidDeadline } from "../domain/question-rules";
import { answerQuestionSchema, type AnswerQuestionInput } from "../questions.schemas";
import { TENDER_CONTEXT, tenderRef } from "./tender-context";

/**
 * A member of the tender's Pokja (holding POKJA in its agency) answers a question. There
 * is one answer per question: answering again edits it, recorded as its own audit event
 * with the old text. Both are allowed until the bid deadline, and every registered
 * participant is told, since an answer binds all bidders alike.
 */
export async function answerQuestion(
  actor: Actor,
  input: AnswerQuestionInput,
): Promise<{ id: string; edited: boolean }> {
  const parsed = answerQuestionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "VALIDATION");
  const { questionId, body } = parsed.data;
  return db.$transaction(async (tx) => {
    const found = await tx.question.findUnique({ where: { id: questionId }, select: { tenderId: true } });
    if (!found) throw new AppError("NOT_FOUND");
    // The tender row lock makes two members answering at once take turns.
    const tender = await lockPokjaTender(tx, actor, found.tenderId, "tender.answerQuestion", TENDER_CONTEXT);
    const question = await tx.question.findUniqueOrThrow({
      where: { id: questionId },
      select: { id: true, body: true, answer: { select: { id: true, body: true } } },
    });
    const now = await dbNow(tx);
    const check = checkBeforeBidDeadline(tender.status, tender.stages, now);
    if (!check.ok)
      throw new AppError("INVALID_STATE", check.reason === "bidDeadlinePassed" ? "answerAfterDeadline" : check.reason);
    if (question.answer?.body === body) return { id: question.answer.id, edited: false };

    const answer = await tx.answer.upsert({
      where: { questionId },
      create: { questionId, body, answeredById: actor.userId, answeredAt: now },
      update: { body, answeredById: actor.userId, answeredAt: now },
      select: { id: true },
    });
    const edited = question.answer !== null;
    await recordAuditEvent(tx, {
      actor,
      action: edited ? "question.answerEdited" : "question.answered",
      entityType: "Question",
      entityId: questionId,
      data: {
        tenderId: tender.id,
        answerId: answer.id,
        body,
        ...(edited ? { previousBody: question.answer!.body } : {}),
      },
    });
    await notifyTenderParticipants(
      tx,
      tender.id,
      questionAnsweredMessage(tenderRef(tender), question.body, body, edited),
    );
    return { id: answer.id, edited };
  });
}
