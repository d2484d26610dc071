import type { SanggahDecision } from "./decision";
import type { SanggahKind } from "./sanggah-kind";
import {
  answerDeadline,
  bandingAnswerDeadline,
  bandingWindow,
  filingWindow,
  isOpen,
  type SanggahRules,
  type Window,
} from "./windows";

/** Minimum length of a sanggah, a banding and each answer: enough to state a reason. */
export const TEXT_MIN = 20;
export const TEXT_MAX = 10_000;

export type Check = { ok: true } | { ok: false; key: string; window?: Window };

/** A sanggah is filed only inside the masa sanggah, by the database clock. */
export function checkSanggahFiling(announcedAt: Date | null, rules: SanggahRules, now: Date): Check {
  if (!announcedAt) return { ok: false, key: "winnerNotAnnounced" };
  const window = filingWindow(announcedAt, rules);
  return isOpen(window, now) ? { ok: true } : { ok: false, key: "sanggahWindowClosed", window };
}

/**
 * A sanggah banding: construction procedures only; of a sanggah that was answered and
 * rejected (an accepted one already sends the tender back to evaluation); once per
 * sanggah; inside its own banding window.
 */
export function checkBandingFiling(
  sanggah: { answeredAt: Date | null; decision: SanggahDecision | null; hasBanding: boolean },
  announcedAt: Date,
  rules: SanggahRules,
  now: Date,
): Check {
  if (!rules.hasSanggahBanding) return { ok: false, key: "bandingConstructionOnly" };
  if (sanggah.answeredAt === null) return { ok: false, key: "bandingBeforeAnswer" };
  if (sanggah.decision === "ACCEPTED") return { ok: false, key: "bandingOfAcceptedSanggah" };
  if (sanggah.hasBanding) return { ok: false, key: "bandingAlreadyFiled" };
  const window = bandingWindow(sanggah.answeredAt, announcedAt, rules)!;
  return isOpen(window, now) ? { ok: true } : { ok: false, key: "bandingWindowClosed", window };
}

/**
 * Is an answer given at `now` late? The law obliges the Pokja (and the PA/KPA) to answer;
 * a late answer is still taken, and recorded as late, rather than leaving the tender
 * stuck with an objection nobody may answer.
 */
export const isSanggahAnswerLate = (announcedAt: Date, rules: SanggahRules, now: Date) =>
  now.getTime() >= answerDeadline(announcedAt, rules).getTime();
export const isBandingAnswerLate = (filedAt: Date, rules: SanggahRules, now: Date) =>
  now.getTime() >= bandingAnswerDeadline(filedAt, rules).getTime();

/**
 * Documents of a sanggah (or banding) are attached by its filer while it could still be
 * filed: inside the masa sanggah, or the banding window of the sanggah it appeals, and
 * before it is answered.
 */
export function checkDocumentAttach(
  record: { kind: SanggahKind; answeredAt: Date | null; appealedAnsweredAt: Date | null },
  announcedAt: Date | null,
  rules: SanggahRules,
  now: Date,
): Check {
  if (record.answeredAt !== null) return { ok: false, key: "sanggahAlreadyAnswered" };
  if (record.kind === "SANGGAH") return checkSanggahFiling(announcedAt, rules, now);
  const window =
    record.appealedAnsweredAt && announcedAt ? bandingWindow(record.appealedAnsweredAt, announcedAt, rules) : null;
  return window && isOpen(window, now)
    ? { ok: true }
    : window
      ? { ok: false, key: "bandingWindowClosed", window }
      : { ok: false, key: "bandingNotOpen" };
}
