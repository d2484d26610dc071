/**
 * The sanggah and sanggah banding windows as pure rules (Perpres 16/2018 Pasal 50 as
 * amended by Perpres 12/2021; Perlem LKPP 12/2021 Lampiran II, masa sanggah). All times
 * come from the database clock; the function never reads a clock itself.
 *
 * A "calendar day" is 24 hours counted from the instant that starts the period (the
 * announcement, the answer, the filing), not midnight in any zone: the period is the
 * same length for a vendor in Jayapura and one in Jakarta. Every window is half-open,
 * [start, end): at the end instant it is already closed, as for the bid deadline.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface SanggahRules {
  sanggahDays: number;
  sanggahAnswerDays: number;
  hasSanggahBanding: boolean;
  bandingDays: number;
  bandingAnswerDays: number;
  /**
   * The scheduled end of the MASA_SANGGAH / SANGGAH_BANDING stage, when the tender has one:
   * a compensation for an outage (issue 13) or a Pokja's change may have moved it later, and
   * the window then closes there, never earlier than the days above give.
   */
  sanggahStageEndsAt?: Date | null;
  bandingStageEndsAt?: Date | null;
}

type StageEnd = { kind: string; endsAt: Date };

/** The rules with the stage ends of a tender's schedule (the callers load its stages). */
export function withStageEnds<R extends object>(
  rules: R,
  stages: readonly StageEnd[],
): R & Pick<SanggahRules, "sanggahStageEndsAt" | "bandingStageEndsAt"> {
  const end = (kind: string) => stages.find((s) => s.kind === kind)?.endsAt ?? null;
  return { ...rules, sanggahStageEndsAt: end("MASA_SANGGAH"), bandingStageEndsAt: end("SANGGAH_BANDING") };
}

const later = (a: Date, b: Date | null | undefined) => (b && b.getTime() > a.getTime() ? b : a);

export interface Window {
  start: Date;
  end: Date;
}

export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);
export const isOpen = (window: Window, now: Date) =>
  window.start.getTime() <= now.getTime() && now.getTime() < window.end.getTime();

/** Masa sanggah: sanggahDays calendar days from the announcement of the winner. */
export function filingWindow(
  announcedAt: Date,
  rules: Pick<SanggahRules, "sanggahDays" | "sanggahStageEndsAt">,
): Window {
  return { start: announcedAt, end: later(addDays(announcedAt, rules.sanggahDays), rules.sanggahStageEndsAt) };
}

/** The Pokja answers every sanggah within sanggahAnswerDays after the masa sanggah ends. */
export function answerDeadline(
  announcedAt: Date,
  rules: Pick<SanggahRules, "sanggahDays" | "sanggahAnswerDays" | "sanggahStageEndsAt">,
): Date {
  return addDays(filingWindow(announcedAt, rules).end, rules.sanggahAnswerDays);
}

/**
 * Sanggah banding (construction only): the filer of a rejected sanggah appeals within
 * bandingDays after the answer (Perlem LKPP 12/2021). Each sanggah has its own window:
 * it opens at its own answer and ends bandingDays after the later of that answer and
 * the Pokja's answer deadline. An answer on time therefore leaves the window the public
 * schedule shows (SANGGAH_BANDING right after the answer period, as announce-winner sets
 * it), and a late answer still leaves the vendor bandingDays in full.
 */
export function bandingWindow(sanggahAnsweredAt: Date, announcedAt: Date, rules: SanggahRules): Window | null {
  if (!rules.hasSanggahBanding) return null;
  const from = Math.max(sanggahAnsweredAt.getTime(), answerDeadline(announcedAt, rules).getTime());
  return { start: sanggahAnsweredAt, end: later(addDays(new Date(from), rules.bandingDays), rules.bandingStageEndsAt) };
}

/** The PA/KPA answers a sanggah banding within bandingAnswerDays after it was filed. */
export function bandingAnswerDeadline(filedAt: Date, rules: Pick<SanggahRules, "bandingAnswerDays">): Date {
  return addDays(filedAt, rules.bandingAnswerDays);
}

/**
 * Jaminan sanggah banding: 1% of HPS (Perpres 16/2018 Pasal 50 as amended by Perpres 12/2021),
 * rounded UP to the whole rupiah, so the bond is never below 1%: HPS Rp101 gives Rp2.
 */
export function bandingBond(hps: bigint): bigint {
  if (hps <= 0n) return 0n;
  return (hps + 99n) / 100n;
}
