/**
 * Prakualifikasi's rules for a seleksi (jasa konsultansi): who is on the shortlist (daftar
 * pendek) and what happens when too few firms pass. Perpres 16/2018 jo. Perpres 12/2021
 * Pasal 41 (seleksi) and Perlem LKPP 12/2021 Lampiran II (prakualifikasi: a shortlist of
 * 3 to 7; fewer than 3 passing: prakualifikasi ulang; after the repeat 2 may continue, 1
 * goes to penunjukan langsung). The figures come from the procedure (ProcedureConfig
 * shortlistMin/Max/MinAfterRepeat, prequalificationRepeats), never from literals here.
 *
 * Pure: no Prisma, clock or environment.
 */

export interface ShortlistRules {
  /** the fewest passing firms for a shortlist in a round with repeats left (3) */
  shortlistMin: number;
  /** the longest shortlist (7) */
  shortlistMax: number;
  /** the fewest passing firms that may still go on once no repeat is left (2) */
  shortlistMinAfterRepeat: number;
  /** how many times prakualifikasi may be repeated (1) */
  prequalificationRepeats: number;
}

export interface DecidedApplication {
  id: string;
  passed: boolean | null;
  /** 0..100; null when not scored */
  score: number | null;
  submittedAt: Date;
}

/**
 * The shortlist: the passing firms ranked by score (best first; an equal score goes to
 * the earlier application, then the id, so the order never depends on the database's),
 * at most `shortlistMax` of them.
 */
export function rankShortlist(applications: readonly DecidedApplication[], shortlistMax: number): string[] {
  return applications
    .filter((a) => a.passed === true)
    .sort(
      (a, b) =>
        (b.score ?? 0) - (a.score ?? 0) ||
        a.submittedAt.getTime() - b.submittedAt.getTime() ||
        a.id.localeCompare(b.id),
    )
    .slice(0, Math.max(0, shortlistMax))
    .map((a) => a.id);
}

export type PrequalificationOutcome =
  /** enough firms passed: announce the shortlist */
  | { kind: "shortlist" }
  /** too few passed and a repeat is left: prakualifikasi ulang (round + 1) */
  | { kind: "repeat" }
  /** the repeat is used and at least shortlistMinAfterRepeat passed: the seleksi goes on with them */
  | { kind: "continueReduced" }
  /** the repeat is used and one firm passed: the seleksi fails, penunjukan langsung of that firm may be asked */
  | { kind: "failedOneLeft" }
  /** the repeat is used and nobody (or too few for the rule) passed: the seleksi fails */
  | { kind: "failed" };

/** Repeats used in `round`: round 1 has used none. */
export const repeatsLeft = (round: number, rules: ShortlistRules) =>
  Math.max(0, rules.prequalificationRepeats - (round - 1));

/** What the round's decisions lead to, from how many firms passed. */
export function prequalificationOutcome(
  passing: number,
  round: number,
  rules: ShortlistRules,
): PrequalificationOutcome {
  if (passing >= rules.shortlistMin) return { kind: "shortlist" };
  if (repeatsLeft(round, rules) > 0) return { kind: "repeat" };
  if (passing >= rules.shortlistMinAfterRepeat) return { kind: "continueReduced" };
  if (passing === 1) return { kind: "failedOneLeft" };
  return { kind: "failed" };
}

/** Outcomes that put a shortlist in place (announced, then sanggah, then the invitation). */
export const announcesShortlist = (o: PrequalificationOutcome) =>
  o.kind === "shortlist" || o.kind === "continueReduced";
