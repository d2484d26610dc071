/**
 * The tender's lifecycle as data: every event a tender can go through, the statuses it
 * may happen in, the status it leads to, the stamps it sets or clears, how the worker's
 * next look (nextCheckAt) changes, and the audit action that records it. One writer
 * applies it (src/modules/tenders/server/apply-tender-event.ts); nothing else writes the
 * columns in LIFECYCLE_COLUMNS. Prozorro's procedures-as-config and `next_check` are the
 * model. docs/decisions/0021-tender-lifecycle.md lists the table as prose.
 *
 * Pure: statuses and failure kinds are the domain's own unions (./tender-status.ts), times
 * come in as arguments.
 */
import type { TenderFailureKind, TenderStatus } from "./tender-status";

/** Statuses in which nothing more happens: the worker never looks again. */
export const ENDED_STATUSES = [
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "TRANSFERRED",
] as const satisfies readonly TenderStatus[];
/** Statuses the schedule worker looks at when their next boundary comes. */
export const SCHEDULED_STATUSES = ["PUBLISHED", "EVALUATION", "AWARDED"] as const satisfies readonly TenderStatus[];

/** The columns only the lifecycle writer may write (a test greps src/ for any other writer). */
export const LIFECYCLE_COLUMNS = [
  "status",
  "currentStage",
  "nextCheckAt",
  "publishedAt",
  "deadlineExtensions",
  "openedAt",
  "winnerBidId",
  "reserve1BidId",
  "reserve2BidId",
  "awardedAt",
  "announcedAt",
  "failureKind",
  "failedAt",
  "endReason",
  "cancelledAt",
  "sppbjIssuedAt",
  "completedAt",
  "transferredAt",
  // seleksi (issue 15): the prakualifikasi round and its shortlist, the price envelope's opening
  "prequalificationRound",
  "shortlistAnnouncedAt",
  "priceOpenedAt",
] as const;
export type LifecycleColumn = (typeof LIFECYCLE_COLUMNS)[number];

/** What the writer reads before applying an event. */
export interface LifecycleState {
  status: TenderStatus;
  publishedAt: Date | null;
  openedAt: Date | null;
  awardedAt: Date | null;
  announcedAt: Date | null;
  winnerBidId: string | null;
  deadlineExtensions: number;
  nextCheckAt: Date | null;
  prequalificationRound: number;
  shortlistAnnouncedAt: Date | null;
  priceOpenedAt: Date | null;
}

/** A change to the lifecycle columns; `undefined` leaves a column as it is. */
export interface LifecycleChange {
  status?: TenderStatus;
  publishedAt?: Date;
  deadlineExtensions?: number;
  openedAt?: Date;
  winnerBidId?: string | null;
  reserve1BidId?: string | null;
  reserve2BidId?: string | null;
  awardedAt?: Date | null;
  announcedAt?: Date | null;
  failureKind?: TenderFailureKind;
  failedAt?: Date;
  endReason?: string;
  cancelledAt?: Date;
  sppbjIssuedAt?: Date;
  completedAt?: Date;
  transferredAt?: Date;
  prequalificationRound?: number;
  shortlistAnnouncedAt?: Date | null;
  priceOpenedAt?: Date;
}

export type TenderEvent =
  /** the Pokja announces the tender (pengumuman) */
  | { kind: "published" }
  /** a stage boundary came: the worker records the stage and what the clock implies */
  | { kind: "stageBoundary" }
  /** stages were moved (a Pokja's change, an addendum): the worker's next look follows */
  | { kind: "rescheduled" }
  /** no bid by the deadline: the schedule was pushed back (the caller moved the stages) */
  | { kind: "deadlineExtended" }
  /** k Pokja members approved and every bid was decrypted (pembukaan); two-file: the first envelope */
  | { kind: "opened" }
  /** seleksi: the prakualifikasi result (the shortlist) is announced; its sanggah window runs */
  | { kind: "shortlistAnnounced" }
  /** seleksi: too few passed, prakualifikasi is repeated (the caller moved the stages): round + 1 */
  | { kind: "prequalificationRepeated" }
  /** seleksi: a sanggah prakualifikasi was accepted: the announced shortlist no longer stands */
  | { kind: "shortlistWithdrawn" }
  /** seleksi, two files: k Pokja members approved the price opening (pembukaan harga) */
  | { kind: "priceOpened" }
  /** the Pokja reopens its evaluation from a stage (evaluasi ulang after an accepted sanggah) */
  | { kind: "evaluationReopened" }
  /** penetapan pemenang: the winner and up to two reserves */
  | { kind: "winnerSet"; winnerBidId: string; reserve1BidId: string | null; reserve2BidId: string | null }
  /** pengumuman pemenang; the sanggah window runs from here and ends at `sanggahEndsAt` */
  | { kind: "winnerAnnounced"; sanggahEndsAt: Date }
  /** a sanggah or banding is accepted: the announced award no longer stands */
  | { kind: "sanggahAccepted" }
  /** tender gagal, by the worker (no or too few bids) or declared by the Pokja */
  | { kind: "failed"; failureKind: TenderFailureKind; endReason: string }
  /** tender batal */
  | { kind: "cancelled"; endReason: string }
  /** the PPK issues the SPPBJ: the selection is complete */
  | { kind: "sppbjIssued" }
  /** a tender ulang was created from this failed tender */
  | { kind: "retendered" }
  /** time was given back after an outage (the caller moved the stages): see compensatedStep */
  | { kind: "compensated" }
  /** moved whole to another LPSE (transfer module): nothing changes here any more */
  | { kind: "transferred" }
  /** arrived whole from another LPSE (transfer module): the source's status and stamps, written here once */
  | { kind: "imported"; status: "PUBLISHED" | "EVALUATION"; publishedAt: Date; deadlineExtensions: number };

export type EventKind = TenderEvent["kind"];

/**
 * How an event changes the worker's next look:
 * - "schedule": the next stage boundary from now (and, for some events, an extra instant);
 * - "keepIfDue": a boundary already due stays due (the worker has yet to record it),
 *   otherwise as "schedule";
 * - "clear": never again (the tender has ended);
 * - "keep": unchanged.
 */
export type NextCheckRule = "schedule" | "keepIfDue" | "clear" | "keep";

export interface Transition {
  /** the statuses the event may happen in */
  from: readonly TenderStatus[];
  /** the status it leads to; null: the status stays */
  to: TenderStatus | null;
  nextCheck: NextCheckRule;
  /** the audit action the writer records; null when the caller's own event records the change */
  audit: string | null;
}

/**
 * The table. Regulations: Perpres 16/2018 as amended by Perpres 12/2021 (Pasal 50 the
 * stages and sanggah, Pasal 51 tender gagal, Pasal 52 tender batal is not in it: the
 * cancellation rule is Perlem LKPP 12/2021 Lampiran II, "penghentian/pembatalan"), Perlem
 * LKPP 12/2021 for the rest. `transferred`: the tender moved whole to another LPSE
 * (transfer module, docs/decisions/0040).
 */
export const TRANSITIONS: { readonly [K in EventKind]: Transition } = {
  published: { from: ["DRAFT"], to: "PUBLISHED", nextCheck: "schedule", audit: "tender.published" },
  stageBoundary: { from: SCHEDULED_STATUSES, to: null, nextCheck: "schedule", audit: "tender.stageAdvanced" },
  rescheduled: { from: SCHEDULED_STATUSES, to: null, nextCheck: "keepIfDue", audit: null },
  deadlineExtended: { from: ["PUBLISHED"], to: null, nextCheck: "keepIfDue", audit: "tender.deadlineExtended" },
  // the opening itself shows the bid window is over, whether or not the worker has looked yet
  opened: { from: ["PUBLISHED", "EVALUATION"], to: "EVALUATION", nextCheck: "keep", audit: "tender.opened" },
  evaluationReopened: { from: ["EVALUATION"], to: null, nextCheck: "keep", audit: "tender.evaluationReopened" },
  // seleksi (Perpres 16/2018 Pasal 41; Perlem LKPP 12/2021 Lampiran II): prakualifikasi runs while published
  shortlistAnnounced: { from: ["PUBLISHED"], to: null, nextCheck: "keep", audit: "tender.shortlistAnnounced" },
  // an accepted sanggah prakualifikasi: the Pokja decides again and announces once more (helper D)
  shortlistWithdrawn: { from: ["PUBLISHED"], to: null, nextCheck: "keep", audit: "tender.shortlistWithdrawn" },
  prequalificationRepeated: {
    from: ["PUBLISHED"],
    to: null,
    nextCheck: "schedule",
    audit: "tender.prequalificationRepeated",
  },
  priceOpened: { from: ["EVALUATION"], to: null, nextCheck: "keep", audit: "tender.priceOpened" },
  winnerSet: { from: ["EVALUATION"], to: null, nextCheck: "keep", audit: "tender.winnerSet" },
  winnerAnnounced: { from: ["EVALUATION"], to: "AWARDED", nextCheck: "schedule", audit: "tender.winnerAnnounced" },
  sanggahAccepted: { from: ["AWARDED"], to: "EVALUATION", nextCheck: "schedule", audit: "tender.awardWithdrawn" },
  failed: { from: ["PUBLISHED", "EVALUATION", "AWARDED"], to: "FAILED", nextCheck: "clear", audit: "tender.failed" },
  cancelled: {
    from: ["DRAFT", "PUBLISHED", "EVALUATION", "AWARDED"],
    to: "CANCELLED",
    nextCheck: "clear",
    audit: "tender.cancelled",
  },
  sppbjIssued: { from: ["AWARDED"], to: "COMPLETED", nextCheck: "clear", audit: "sppbj.issued" },
  retendered: { from: ["FAILED"], to: null, nextCheck: "keep", audit: "tender.retendered" },
  // the caller's tender.scheduleCompensated records it, with the status it went back to
  compensated: { from: SCHEDULED_STATUSES, to: null, nextCheck: "schedule", audit: null },
  transferred: {
    from: ["PUBLISHED", "EVALUATION", "AWARDED"],
    to: "TRANSFERRED",
    nextCheck: "clear",
    audit: "tender.transferred",
  },
  // the row was just written as a DRAFT by the import; its own audit event (tender.imported) records it
  imported: { from: ["DRAFT"], to: null, nextCheck: "keep", audit: null },
};

export type TransitionResult =
  | { ok: true; change: LifecycleChange; transition: Transition }
  | {
      ok: false;
      key:
        | "tenderEventWrongState"
        | "tenderNotOpened"
        | "tenderAlreadyOpened"
        | "winnerNotSet"
        | "winnerAlreadySet"
        | "winnerAlreadyAnnounced"
        | "shortlistAlreadyAnnounced"
        | "shortlistNotAnnounced"
        | "priceAlreadyOpened";
    };

/**
 * The change `event` makes to a tender in `state` at `now`, or why it may not happen.
 * Beyond the status, a few events need a stamp in place: the opening happens once,
 * penetapan needs the bids opened and no standing award, the announcement needs a winner.
 */
export function transition(state: LifecycleState, event: TenderEvent, now: Date): TransitionResult {
  const rule = TRANSITIONS[event.kind];
  if (!rule.from.includes(state.status)) return { ok: false, key: "tenderEventWrongState" };
  const change: LifecycleChange = rule.to && rule.to !== state.status ? { status: rule.to } : {};
  switch (event.kind) {
    case "published":
      return done({ ...change, publishedAt: now });
    case "deadlineExtended":
      return done({ ...change, deadlineExtensions: state.deadlineExtensions + 1 });
    case "opened":
      if (state.openedAt) return { ok: false, key: "tenderAlreadyOpened" };
      return done({ ...change, openedAt: now });
    case "shortlistAnnounced":
      if (state.shortlistAnnouncedAt) return { ok: false, key: "shortlistAlreadyAnnounced" };
      return done({ ...change, shortlistAnnouncedAt: now });
    case "shortlistWithdrawn":
      if (!state.shortlistAnnouncedAt) return { ok: false, key: "shortlistNotAnnounced" };
      return done({ ...change, shortlistAnnouncedAt: null });
    case "prequalificationRepeated":
      return done({ ...change, prequalificationRound: state.prequalificationRound + 1, shortlistAnnouncedAt: null });
    case "priceOpened":
      if (!state.openedAt) return { ok: false, key: "tenderNotOpened" };
      if (state.priceOpenedAt) return { ok: false, key: "priceAlreadyOpened" };
      return done({ ...change, priceOpenedAt: now });
    case "evaluationReopened":
      if (!state.openedAt) return { ok: false, key: "tenderNotOpened" };
      if (state.awardedAt) return { ok: false, key: "winnerAlreadySet" };
      return done(change);
    case "winnerSet":
      if (!state.openedAt) return { ok: false, key: "tenderNotOpened" };
      if (state.awardedAt) return { ok: false, key: "winnerAlreadySet" };
      return done({
        ...change,
        winnerBidId: event.winnerBidId,
        reserve1BidId: event.reserve1BidId,
        reserve2BidId: event.reserve2BidId,
        awardedAt: now,
      });
    case "winnerAnnounced":
      if (state.announcedAt) return { ok: false, key: "winnerAlreadyAnnounced" };
      if (!state.awardedAt || !state.winnerBidId) return { ok: false, key: "winnerNotSet" };
      return done({ ...change, announcedAt: now });
    case "sanggahAccepted":
      // The award is withdrawn, not forgotten: the audit trail and the sanggah keep it.
      return done({
        ...change,
        winnerBidId: null,
        reserve1BidId: null,
        reserve2BidId: null,
        awardedAt: null,
        announcedAt: null,
      });
    case "failed":
      return done({ ...change, failureKind: event.failureKind, failedAt: now, endReason: event.endReason });
    case "cancelled":
      return done({ ...change, cancelledAt: now, endReason: event.endReason });
    case "sppbjIssued":
      return done({ ...change, sppbjIssuedAt: now, completedAt: now });
    case "transferred":
      return done({ ...change, transferredAt: now });
    case "imported":
      return done({
        status: event.status,
        publishedAt: event.publishedAt,
        deadlineExtensions: event.deadlineExtensions,
      });
    case "stageBoundary":
    case "rescheduled":
    case "retendered":
    case "compensated":
      return done(change);
  }

  function done(c: LifecycleChange): TransitionResult {
    return { ok: true, change: c, transition: rule };
  }
}
