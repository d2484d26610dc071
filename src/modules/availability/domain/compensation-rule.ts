/**
 * The compensation rule (issue 13, docs/decisions/0040): how much later each stage in which
 * people act must end because the portal (or a part of it) was down. Pure: the outage, the
 * tender's schedule, what earlier outages already gave back and the figures come in as
 * arguments.
 *
 * Every figure here is configuration, not law: Perpres 16/2018 and Perlem LKPP 12/2021 say
 * the Pokja may change the schedule for a reason outside anyone's control; they do not say
 * by how much. The unit and the lead window are settings (src/server/availability-settings.ts),
 * the minimum remaining time is the procedure's (ProcedureConfig.compensationMinHours).
 */
import { pushBack, type StageKind, type StageMove, type StageWindow } from "@/modules/tenders/domain";
import type { OutageScope } from "./enums";
import { periodEnd, windowContaining, type MaintenancePeriod } from "./maintenance";

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** Stages in which bidders or the Pokja must act before a deadline, by what was down. */
const ALL_ACTION_STAGES: readonly StageKind[] = [
  "PRAKUALIFIKASI",
  "SANGGAH_PRAKUALIFIKASI",
  "PEMBERIAN_PENJELASAN",
  "UPLOAD_PENAWARAN",
  "MASA_SANGGAH",
  "SANGGAH_BANDING",
];
export const ACTION_STAGES: { readonly [K in OutageScope]: readonly StageKind[] } = {
  INSTANCE: ALL_ACTION_STAGES,
  SIGN_IN: ALL_ACTION_STAGES,
  // questions and answers need no upload: failing uploads cost the clarification nothing
  UPLOADS: ALL_ACTION_STAGES.filter((k) => k !== "PEMBERIAN_PENJELASAN"),
};

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

export interface CompensationFigures {
  /** time given back is rounded up to whole units of this many minutes */
  unitMinutes: number;
  /** an outage ending this many hours or less before a stage's end triggers the minimum */
  leadHours: number;
  /** the procedure's minimum remaining time after the outage, in hours */
  minHours: number;
}

export interface CompensationInput<S extends StageWindow & { id: string }> {
  outage: Interval & { scope: OutageScope };
  /** the tender's whole schedule as it stands, in order */
  stages: readonly S[];
  /** per stage id: the intervals of earlier outages already compensated for that stage */
  covered: ReadonlyMap<string, readonly Interval[]>;
  /** stage ids that already have a compensation for this outage (skipped) */
  done: ReadonlySet<string>;
  figures: CompensationFigures;
  /** announced maintenance windows: a new end must not fall inside one */
  maintenance: readonly MaintenancePeriod[];
}

export interface CompensationDecision<S> {
  stage: S;
  lostSeconds: number;
  extensionSeconds: number;
  /** the stage's end just before and just after this compensation (earlier pushes included) */
  oldEndsAt: Date;
  newEndsAt: Date;
}

export interface CompensationPlan<S> {
  decisions: CompensationDecision<S>[];
  /** every stage that moves, from its window as it stood to its final window */
  moves: StageMove<S>[];
}

/** Milliseconds of [from, to) not inside any of `cover`. */
export function uncoveredMs(from: number, to: number, cover: readonly Interval[]): number {
  if (to <= from) return 0;
  const parts = cover
    .map((c) => [Math.max(from, c.startsAt.getTime()), Math.min(to, c.endsAt.getTime())] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let reach = from;
  for (const [a, b] of parts) {
    const start = Math.max(a, reach);
    if (b > start) covered += b - start;
    reach = Math.max(reach, b);
  }
  return to - from - covered;
}

const roundUp = (ms: number, unitMs: number) => Math.ceil(ms / unitMs) * unitMs;

/**
 * The compensations one outage gives one tender. Stages are handled in schedule order; each
 * extension pushes the later stages back (as a Pokja's later end does), so a later stage's
 * loss is measured on its window as already pushed: a stage pushed past the outage lost
 * nothing. For each action stage of the outage's scope:
 * - lost = the part of the outage inside the stage not already covered by an earlier
 *   compensated outage; nothing lost, nothing given;
 * - extension = lost rounded up to whole units;
 * - when the outage ended within leadHours before the stage's end (or after it), the stage
 *   ends at least minHours after the outage ended (the extension rounded up to the unit);
 * - a new end inside an announced maintenance window moves to that window's end plus minHours.
 */
export function planCompensation<S extends StageWindow & { id: string }>(
  input: CompensationInput<S>,
): CompensationPlan<S> {
  const { outage, figures } = input;
  const unitMs = figures.unitMinutes * MINUTE_MS;
  const minMs = figures.minHours * HOUR_MS;
  const actionKinds = ACTION_STAGES[outage.scope];
  const from = outage.startsAt.getTime();
  const to = outage.endsAt.getTime();

  let current: S[] = [...input.stages];
  const original = new Map(input.stages.map((s) => [s.id, s]));
  const decisions: CompensationDecision<S>[] = [];

  for (const id of input.stages.map((s) => s.id)) {
    const stage = current.find((s) => s.id === id)!;
    if (!actionKinds.includes(stage.kind) || input.done.has(id)) continue;
    const start = stage.startsAt.getTime();
    const end = stage.endsAt.getTime();
    const lostMs = uncoveredMs(Math.max(from, start), Math.min(to, end), input.covered.get(id) ?? []);
    if (lostMs <= 0) continue;

    let newEnd = end + roundUp(lostMs, unitMs);
    if (to >= end - figures.leadHours * HOUR_MS) newEnd = Math.max(newEnd, end + roundUp(to + minMs - end, unitMs));
    // bounded: each step moves past one window, and windows do not overlap
    for (let i = 0; i < input.maintenance.length; i++) {
      const window = windowContaining(new Date(newEnd), input.maintenance);
      if (!window) break;
      newEnd = end + roundUp(periodEnd(window).getTime() + minMs - end, unitMs);
    }

    const shiftMs = newEnd - end;
    const others = current.filter((s) => s.id !== id);
    const pushed = new Map(pushBack(others, stage.endsAt, shiftMs).map((m) => [m.stage.id, m]));
    current = current.map((s) => {
      if (s.id === id) return { ...s, endsAt: new Date(newEnd) };
      const move = pushed.get(s.id);
      return move ? { ...s, startsAt: move.startsAt, endsAt: move.endsAt } : s;
    });
    decisions.push({
      stage: original.get(id)!,
      lostSeconds: Math.ceil(lostMs / 1000),
      extensionSeconds: shiftMs / 1000,
      oldEndsAt: new Date(end),
      newEndsAt: new Date(newEnd),
    });
  }

  const moves = current
    .map((s) => ({ stage: original.get(s.id)!, startsAt: s.startsAt, endsAt: s.endsAt }))
    .filter(
      (m) => m.startsAt.getTime() !== m.stage.startsAt.getTime() || m.endsAt.getTime() !== m.stage.endsAt.getTime(),
    );
  return { decisions, moves };
}
