import type { SanggahDecision } from "./decision";
import type { SanggahKind } from "./sanggah-kind";
import {
  answerDeadline,
  bandingAnswerDeadline,
  bandingWindow,
  filingWindow,
  isOpen,
  type SanggahRules,
} from "./windows";

export interface SanggahRecord {
  id: string;
  kind: SanggahKind;
  vendorId: string;
  appealOfId: string | null;
  filedAt: Date;
  answeredAt: Date | null;
  decision: SanggahDecision | null;
}

export type BlockerKey =
  | "notAnnounced"
  | "sanggahAccepted"
  | "bandingAccepted"
  | "sanggahFilingOpen"
  | "sanggahUnanswered"
  | "bandingOpen"
  | "bandingUnanswered";

export interface Blocker {
  key: BlockerKey;
  /** when the blocker ends by itself (a window closing), if it does */
  until?: Date;
}

/**
 * The sanggah of the current announcement. A re-evaluation after an accepted sanggah
 * ends in a new announcement (a new announcedAt), which opens a new masa sanggah; the
 * objections to the earlier result are history and no longer block.
 */
export function currentRound<R extends Pick<SanggahRecord, "filedAt">>(records: readonly R[], announcedAt: Date): R[] {
  return records.filter((r) => r.filedAt.getTime() >= announcedAt.getTime());
}

/**
 * Why the SPPBJ may not be issued yet at `now`; empty when every window is closed and
 * every objection answered (Perpres 16/2018 Pasal 50 jo. Perlem LKPP 12/2021: SPPBJ only
 * after the masa sanggah, and after sanggah banding for construction).
 *
 * - An unanswered sanggah always blocks, even after its answer deadline: the Pokja must
 *   answer (a late answer is accepted and recorded as late), and the vendor's right to
 *   appeal runs from the answer.
 * - An accepted sanggah or banding blocks: the objection was right, so the evaluation is
 *   redone and the winner announced again (which starts a new round), or the tender fails.
 * - The banding window of each rejected sanggah must have passed (construction only),
 *   and every banding must be answered, and rejected.
 */
export function sppbjBlockers(
  announcedAt: Date | null,
  rules: SanggahRules,
  records: readonly SanggahRecord[],
  now: Date,
): Blocker[] {
  if (!announcedAt) return [{ key: "notAnnounced" }];
  const round = currentRound(records, announcedAt);
  const sanggahs = round.filter((r) => r.kind === "SANGGAH");
  const bandings = round.filter((r) => r.kind === "SANGGAH_BANDING");
  const blockers: Blocker[] = [];
  if (sanggahs.some((s) => s.decision === "ACCEPTED")) blockers.push({ key: "sanggahAccepted" });
  if (bandings.some((b) => b.decision === "ACCEPTED")) blockers.push({ key: "bandingAccepted" });
  const filing = filingWindow(announcedAt, rules);
  if (now.getTime() < filing.end.getTime()) blockers.push({ key: "sanggahFilingOpen", until: filing.end });
  if (sanggahs.some((s) => s.answeredAt === null))
    blockers.push({ key: "sanggahUnanswered", until: answerDeadline(announcedAt, rules) });
  for (const s of sanggahs) {
    if (s.answeredAt === null || s.decision !== "REJECTED" || bandings.some((b) => b.appealOfId === s.id)) continue;
    const window = bandingWindow(s.answeredAt, announcedAt, rules);
    if (window && isOpen(window, now)) blockers.push({ key: "bandingOpen", until: window.end });
  }
  for (const b of bandings) {
    if (b.answeredAt === null)
      blockers.push({ key: "bandingUnanswered", until: bandingAnswerDeadline(b.filedAt, rules) });
  }
  return blockers;
}
