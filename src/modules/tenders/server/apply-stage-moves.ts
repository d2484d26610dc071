import "server-only";
import type { Tx } from "@/server/db";
import type { StageMove, StageWindow } from "../domain/schedule";
import { applyTenderEvent } from "./apply-tender-event";

type Stage = StageWindow & { id: string };

/**
 * Writes moved stages and their public history (ScheduleChange, one row a stage, with
 * the reason; changedById null when the system moved them). The caller holds the
 * tender's row lock and records the audit event in the same transaction.
 * Returns the whole schedule as it now stands.
 */
export async function applyStageMoves<S extends Stage>(
  tx: Tx,
  tenderId: string,
  stages: readonly S[],
  moves: readonly StageMove<S>[],
  change: { reason: string; changedById: string | null; changedAt: Date },
): Promise<S[]> {
  for (const { stage, startsAt, endsAt } of moves) {
    await tx.tenderStage.update({ where: { id: stage.id }, data: { startsAt, endsAt } });
    await tx.scheduleChange.create({
      data: {
        tenderId,
        stageId: stage.id,
        oldStartsAt: stage.startsAt,
        oldEndsAt: stage.endsAt,
        newStartsAt: startsAt,
        newEndsAt: endsAt,
        ...change,
      },
    });
  }
  const byId = new Map(moves.map((m) => [m.stage.id, m]));
  return stages.map((s) => {
    const move = byId.get(s.id);
    return move ? { ...s, startsAt: move.startsAt, endsAt: move.endsAt } : s;
  });
}

/**
 * The worker's next look after a schedule change (the lifecycle's "rescheduled" event; the
 * caller records the change's audit event). A boundary already due stays due: the worker
 * has yet to record that transition.
 */
export async function rescheduleNextCheck(tx: Tx, tenderId: string, now: Date): Promise<Date | null> {
  const { nextCheckAt } = await applyTenderEvent(tx, tenderId, { kind: "rescheduled" }, { actor: null, now });
  return nextCheckAt;
}

/** A move as audit data: the stage and its old and new window. */
export function describeMove({ stage, startsAt, endsAt }: StageMove<Stage>) {
  return {
    stageId: stage.id,
    stage: stage.kind,
    old: { startsAt: stage.startsAt.toISOString(), endsAt: stage.endsAt.toISOString() },
    new: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
  };
}
