import type { StageKind } from "./stage-kind";
import type { TenderStatus } from "./tender-status";
import { HOUR_MS, isShorterThanMinimum } from "./stage-minimums";

export interface StageWindow {
  kind: StageKind;
  startsAt: Date;
  endsAt: Date;
  /** the shortest this stage may be, fixed when the schedule was set (0 or absent: none) */
  minHours?: number;
}

/**
 * A stage is current from its start up to, but not including, its end: at the exact
 * deadline instant the upload stage is already over (a bid at 15.00.000 for a 15.00
 * deadline is late). `now` must come from the database clock, never the browser.
 */
export function isWithin(stage: StageWindow, now: Date): boolean {
  return stage.startsAt.getTime() <= now.getTime() && now.getTime() < stage.endsAt.getTime();
}

/** The current stage; if windows overlap, the one that started last is the one in force. */
export function findCurrentStage<S extends StageWindow>(stages: readonly S[], now: Date): S | null {
  let current: S | null = null;
  for (const stage of stages) {
    if (isWithin(stage, now) && (!current || stage.startsAt > current.startsAt)) current = stage;
  }
  return current;
}

/** The bid deadline: the end of the (latest) UPLOAD_PENAWARAN stage. */
export function findBidDeadline(stages: readonly StageWindow[]): Date | null {
  let deadline: Date | null = null;
  for (const stage of stages) {
    if (stage.kind === "UPLOAD_PENAWARAN" && (!deadline || stage.endsAt > deadline)) deadline = stage.endsAt;
  }
  return deadline;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Stages back to back from `start`, each as long as the procedure's default, and never shorter than its minimum. */
export function buildDefaultSchedule(
  stages: readonly { kind: StageKind; days: number; minHours?: number }[],
  start: Date,
): StageWindow[] {
  let at = start.getTime();
  return stages.map(({ kind, days, minHours = 0 }) => {
    const window = { kind, startsAt: new Date(at), endsAt: new Date(at + Math.max(days * DAY_MS, minHours * HOUR_MS)) };
    at = window.endsAt.getTime();
    return window;
  });
}

export interface StageMove<S> {
  stage: S;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The later part of a schedule pushed back by `shiftMs` from the instant `from` (an old
 * end): every stage that starts at or after it moves whole, so the gaps between them
 * stay as announced; a stage running across it (document download) is lengthened.
 * Earlier stages stay. Returns only the stages that move. One rule for every push: the
 * automatic extension, an addendum's extension and a Pokja's later end.
 */
export function pushBack<S extends StageWindow>(stages: readonly S[], from: Date, shiftMs: number): StageMove<S>[] {
  if (shiftMs <= 0) return [];
  const at = from.getTime();
  const moved: StageMove<S>[] = [];
  for (const stage of stages) {
    const start = stage.startsAt.getTime();
    const end = stage.endsAt.getTime();
    if (start >= at) moved.push({ stage, startsAt: new Date(start + shiftMs), endsAt: new Date(end + shiftMs) });
    else if (end >= at) moved.push({ stage, startsAt: stage.startsAt, endsAt: new Date(end + shiftMs) });
  }
  return moved;
}

export type ScheduleProblemKey =
  "scheduleMissing" | "stageEndsBeforeStart" | "stageTooShort" | "stageOverlaps" | "scheduleStartsInPast";

export interface ScheduleProblem {
  key: ScheduleProblemKey;
  /** the stage the problem is about; absent for the whole schedule */
  kind?: StageKind;
}

/**
 * What is wrong with a schedule, in order: every stage must end after it starts, and
 * start no earlier than the one before it ends (a Pokja moves later stages itself; Segel
 * never shifts them silently), and last at least its minimum. With `requireFutureStart` (setting or publishing a
 * schedule) the first stage may not start before `now`.
 */
export function validateSchedule(
  stages: readonly StageWindow[],
  now: Date,
  { requireFutureStart = true } = {},
): ScheduleProblem[] {
  if (stages.length === 0) return [{ key: "scheduleMissing" }];
  const problems: ScheduleProblem[] = [];
  if (requireFutureStart && stages[0]!.startsAt.getTime() < now.getTime())
    problems.push({ key: "scheduleStartsInPast", kind: stages[0]!.kind });
  stages.forEach((stage, i) => {
    if (stage.endsAt.getTime() <= stage.startsAt.getTime())
      problems.push({ key: "stageEndsBeforeStart", kind: stage.kind });
    else if (isShorterThanMinimum(stage, stage.minHours ?? 0))
      problems.push({ key: "stageTooShort", kind: stage.kind });
    const previous = stages[i - 1];
    if (previous && stage.startsAt.getTime() < previous.endsAt.getTime())
      problems.push({ key: "stageOverlaps", kind: stage.kind });
  });
  return problems;
}

/** The stage running at `now` (start inclusive, end exclusive), or null. */
export const currentStage = findCurrentStage;

/** The next instant after `now` at which the current stage changes, or null when the schedule is over. */
export function nextBoundary(stages: readonly StageWindow[], now: Date): Date | null {
  let next: number | null = null;
  for (const stage of stages) {
    for (const t of [stage.startsAt.getTime(), stage.endsAt.getTime()]) {
      if (t > now.getTime() && (next === null || t < next)) next = t;
    }
  }
  return next === null ? null : new Date(next);
}

/**
 * The status the clock alone implies for each stage. Until the bid deadline a tender is
 * PUBLISHED; once the upload stage is over bids are closed and it is in EVALUATION. The
 * later phases (AWARDED after the winner is announced, FAILED) are decisions people make
 * in their own use cases, so the clock never implies more than EVALUATION. A later issue
 * that lets time drive another status changes this table and CLOCK_DRIVEN below.
 */
const STATUS_BY_STAGE: Record<StageKind, "PUBLISHED" | "EVALUATION"> = {
  PENGUMUMAN: "PUBLISHED",
  DOWNLOAD_DOKUMEN: "PUBLISHED",
  PRAKUALIFIKASI: "PUBLISHED",
  PENGUMUMAN_HASIL_PRAKUALIFIKASI: "PUBLISHED",
  SANGGAH_PRAKUALIFIKASI: "PUBLISHED",
  UNDANGAN: "PUBLISHED",
  PEMBERIAN_PENJELASAN: "PUBLISHED",
  UPLOAD_PENAWARAN: "PUBLISHED",
  PEMBUKAAN: "EVALUATION",
  EVALUASI: "EVALUATION",
  PEMBUKAAN_HARGA: "EVALUATION",
  EVALUASI_HARGA: "EVALUATION",
  KLARIFIKASI_NEGOSIASI: "EVALUATION",
  PEMBUKTIAN_KUALIFIKASI: "EVALUATION",
  PENETAPAN_PEMENANG: "EVALUATION",
  PENGUMUMAN_PEMENANG: "EVALUATION",
  MASA_SANGGAH: "EVALUATION",
  SANGGAH_BANDING: "EVALUATION",
  PENUNJUKAN_PEMENANG: "EVALUATION",
  PENANDATANGANAN_KONTRAK: "EVALUATION",
};

/** A stage of the time before the bids are opened (the bid window and what leads to it). */
export const isBeforeOpening = (kind: StageKind) => STATUS_BY_STAGE[kind] === "PUBLISHED";

/**
 * The status implied at `now` by the current stage, or, between stages and after the
 * last one, by the latest stage that has started. Before the first stage: PUBLISHED.
 */
export function statusAfter(stageKind: StageKind | null, stages: readonly StageWindow[], now: Date): TenderStatus {
  let kind = stageKind;
  if (kind === null) {
    let latest: StageWindow | null = null;
    for (const stage of stages) {
      if (stage.startsAt.getTime() <= now.getTime() && (!latest || stage.startsAt > latest.startsAt)) latest = stage;
    }
    kind = latest?.kind ?? null;
  }
  return kind === null ? "PUBLISHED" : STATUS_BY_STAGE[kind];
}

/** Statuses the clock may move a tender out of, and the order it moves them in. */
const CLOCK_DRIVEN: readonly TenderStatus[] = ["PUBLISHED", "EVALUATION"];

/** Only forward, and only between clock-driven statuses: time never undoes a decision. */
export function advanceStatus(current: TenderStatus, implied: TenderStatus): TenderStatus {
  const from = CLOCK_DRIVEN.indexOf(current);
  const to = CLOCK_DRIVEN.indexOf(implied);
  return from >= 0 && to > from ? implied : current;
}

export interface ClockStep {
  stage: StageKind | null;
  status: TenderStatus;
  /** the worker's next look: the next boundary, or the instant the bids settle if sooner */
  nextCheckAt: Date | null;
}

/**
 * What the clock alone does to a tender at `now`: the stage in force, the status it
 * implies (forward only), and the next look. From the bid deadline until the bids that
 * arrived before it are all recorded (`settledAt`, decision 0020) the stage moves on but
 * the status stays, so a submit still inside Segel is not refused for the tender's
 * status; the next look is then that instant, when the rule at the deadline counts bids.
 */
export function clockStep(
  status: TenderStatus,
  stages: readonly StageWindow[],
  now: Date,
  settledAt: Date | null,
): ClockStep {
  const stage = currentStage(stages, now)?.kind ?? null;
  const isSettling = settledAt !== null && now < settledAt;
  const boundary = nextBoundary(stages, now);
  return {
    stage,
    status: isSettling ? status : advanceStatus(status, statusAfter(stage, stages, now)),
    nextCheckAt: isSettling && (!boundary || settledAt < boundary) ? settledAt : boundary,
  };
}
