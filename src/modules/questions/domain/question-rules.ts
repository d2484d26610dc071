import {
  type StageKind,
  type TenderStatus,
  findBidDeadline,
  isWithin,
  type StageWindow,
} from "@/modules/tenders/domain";

/** Bounds of a question and an answer, in characters (after trimming). */
export const QUESTION_MIN = 10;
export const QUESTION_MAX = 4000;
export const ANSWER_MIN = 5;
export const ANSWER_MAX = 4000;

export const EXPLANATION_STAGE: StageKind = "PEMBERIAN_PENJELASAN";

export type AskCheck =
  | { ok: true }
  | { ok: false; reason: "tenderNotRunning" | "noExplanationStage" }
  | { ok: false; reason: "outsideExplanationStage"; window: { startsAt: Date; endsAt: Date } };

/**
 * Questions are taken only while the pemberian penjelasan stage runs (start inclusive,
 * end exclusive, by the database clock): the Pokja answers what was asked in the window,
 * and answers bind every bidder (Perpres 16/2018 art. 50; Perlem LKPP 12/2021).
 */
export function checkAskWindow(status: TenderStatus, stages: readonly StageWindow[], now: Date): AskCheck {
  if (status !== "PUBLISHED") return { ok: false, reason: "tenderNotRunning" };
  const windows = stages.filter((s) => s.kind === EXPLANATION_STAGE);
  if (windows.length === 0) return { ok: false, reason: "noExplanationStage" };
  if (windows.some((w) => isWithin(w, now))) return { ok: true };
  // name the window the vendor should have used, or will use: the next one, else the last
  const next = windows.find((w) => w.startsAt.getTime() > now.getTime()) ?? windows[windows.length - 1]!;
  return { ok: false, reason: "outsideExplanationStage", window: { startsAt: next.startsAt, endsAt: next.endsAt } };
}

export type ChangeBeforeDeadline =
  { ok: true; deadline: Date } | { ok: false; reason: "tenderNotRunning" | "noBidDeadline" | "bidDeadlinePassed" };

/**
 * Answers (and their edits) and addenda change what bidders must offer, so they are
 * allowed only on an announced tender and strictly before the bid deadline.
 */
export function checkBeforeBidDeadline(
  status: TenderStatus,
  stages: readonly StageWindow[],
  now: Date,
): ChangeBeforeDeadline {
  if (status !== "PUBLISHED") return { ok: false, reason: "tenderNotRunning" };
  const deadline = findBidDeadline(stages);
  if (!deadline) return { ok: false, reason: "noBidDeadline" };
  if (now.getTime() >= deadline.getTime()) return { ok: false, reason: "bidDeadlinePassed" };
  return { ok: true, deadline };
}
