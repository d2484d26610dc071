/**
 * Which announcement's objections may still be answered: those filed since the
 * announcement in force; or, once an accepted sanggah or banding withdrew the award
 * (the tender is back in evaluation, Perpres 16/2018 jo. 12/2021 Pasal 50), those filed
 * since the withdrawn announcement, until a winner is announced again. The Pokja (and the
 * PA/KPA) must answer every objection, and a banding's bond follows its answer, so an
 * acceptance of one objection does not leave the others of its round unanswerable.
 * Null: no round is open to answers.
 */
export function answerRoundStart(
  tender: { status: string; announcedAt: Date | null },
  lastWithdrawal: { announcedAt: Date } | null,
): Date | null {
  if (tender.status === "AWARDED") return tender.announcedAt;
  if (tender.status === "EVALUATION" && tender.announcedAt === null) return lastWithdrawal?.announcedAt ?? null;
  return null;
}

/** May an objection filed at `filedAt` be answered now? */
export function isInAnswerRound(filedAt: Date, roundStart: Date | null): roundStart is Date {
  return roundStart !== null && filedAt.getTime() >= roundStart.getTime();
}
