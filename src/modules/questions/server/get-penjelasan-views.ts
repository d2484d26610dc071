import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { checkBeforeBidDeadline, EXPLANATION_STAGE } from "../domain/question-rules";
import { loadNumberedQuestions } from "./find-public-questions";
import { assertParticipant, TENDER_CONTEXT } from "./tender-context";

async function loadTender(tenderId: string) {
  const tender = await db.tender.findUniqueOrThrow({ where: { id: tenderId }, select: TENDER_CONTEXT });
  const now = await dbNow();
  const window = tender.stages.find((s) => s.kind === EXPLANATION_STAGE) ?? null;
  return {
    tender: { id: tender.id, code: tender.code, name: tender.paket.name, timeZone: tender.paket.agency.timeZone },
    window: window ? { startsAt: window.startsAt, endsAt: window.endsAt } : null,
    // The windows checkAskWindow judges by, for the page to open and close the question
    // form at their edges by the server's clock; ask-question.ts still judges each question.
    askWindows:
      tender.status === "PUBLISHED"
        ? tender.stages
            .filter((s) => s.kind === EXPLANATION_STAGE)
            .map((s) => ({ startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime() }))
        : [],
    now,
    isBeforeDeadline: checkBeforeBidDeadline(tender.status, tender.stages, now).ok,
  };
}

/** The vendor's page: every question and answer, its own marked, and whether it may ask now. */
export async function getVendorPenjelasan(actor: Actor, tenderId: string) {
  const { vendorId } = await assertParticipant(db, actor, tenderId);
  const [base, questions, own] = await Promise.all([
    loadTender(tenderId),
    loadNumberedQuestions(db, tenderId),
    db.question.findMany({ where: { tenderId, vendorId }, select: { id: true } }),
  ]);
  const ownIds = new Set(own.map((q) => q.id));
  return { ...base, questions: questions.map(({ id, ...q }) => ({ ...q, isOwn: ownIds.has(id) })) };
}

/**
 * The Pokja's page: unanswered questions first, then in the order asked. The Pokja does
 * not see who asked either (the same numbering as the public list).
 */
export async function getPokjaPenjelasan(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.answerQuestion");
  const [base, questions] = await Promise.all([loadTender(tenderId), loadNumberedQuestions(db, tenderId)]);
  const sorted = [...questions.filter((q) => !q.answer), ...questions.filter((q) => q.answer)];
  return { ...base, questions: sorted, unanswered: questions.filter((q) => !q.answer).length };
}
