import "server-only";
import type { TenderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { refuseDeadlinesInMaintenance } from "@/modules/availability";
import { scheduleChangedMessage } from "@/modules/notifications/domain";
import { notifyTenderParticipants } from "@/modules/notifications";
import idCommon from "@/i18n/messages/id/common.json";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { toFieldErrors } from "../domain/publish-checklist";
import { checkStageChange, planStageChange } from "../domain/stage-change";
import type { ChangeStageScheduleInput } from "../tender.schemas";
import { applyStageMoves, describeMove, rescheduleNextCheck } from "./apply-stage-moves";
import { lockPokjaTender } from "./load-pokja-tender";
import { loadStages } from "./tender-stages";

/** A schedule runs, and may be changed, from the announcement until the tender ends. */
const RUNNING: readonly TenderStatus[] = ["PUBLISHED", "EVALUATION", "AWARDED"];

/**
 * Moves one stage of an announced tender, with a reason, under the tender's row lock and
 * by the database clock: a running stage keeps its start and its end only moves later,
 * no stage gets shorter than its minimum, and a later end pushes the later stages back.
 * Every move is public (ScheduleChange) and audited; the worker's next look is recomputed.
 */
export async function changeStageSchedule(actor: Actor, input: ChangeStageScheduleInput) {
  return db.$transaction(async (tx) => {
    const tender = await lockPokjaTender(tx, actor, input.tenderId, "tender.schedule.change", {
      id: true,
      code: true,
      status: true,
      paket: { select: { name: true, agency: { select: { timeZone: true } } } },
    });
    if (tender.status === "DRAFT") throw new AppError("INVALID_STATE", "tenderNotPublished");
    if (!RUNNING.includes(tender.status)) throw new AppError("INVALID_STATE", "tenderClosed");

    const stages = await loadStages(tx, tender.id);
    const index = stages.findIndex((s) => s.id === input.stageId);
    if (index < 0) throw new AppError("NOT_FOUND");
    const old = stages[index]!;
    const now = await dbNow(tx);
    const check = checkStageChange(stages, index, input, now);
    if (check === "stagePassed") throw new AppError("INVALID_STATE", "stagePassed");
    if (check.length) throw new AppError("VALIDATION", "scheduleChangeInvalid", {}, toFieldErrors(check));

    const reason = input.reason.trim();
    const [move, ...pushed] = planStageChange(stages, index, input);
    // no deadline it moves may land inside an announced maintenance window (docs/decisions/0040)
    const moved = [move!, ...pushed].filter((m) => m.endsAt.getTime() !== m.stage.endsAt.getTime());
    await refuseDeadlinesInMaintenance(
      tx,
      moved.map((m) => ({ kind: m.stage.kind, endsAt: m.endsAt, isChanged: m === move })),
      { now, timeZone: tender.paket.agency.timeZone, fieldOf: (s) => (s.isChanged ? "endsAt" : `schedule.${s.kind}`) },
    );
    await applyStageMoves(tx, tender.id, stages, [move!, ...pushed], {
      reason,
      changedById: actor.userId,
      changedAt: now,
    });
    const nextCheckAt = await rescheduleNextCheck(tx, tender.id, now);
    await recordAuditEvent(tx, {
      actor,
      action: "tender.scheduleChanged",
      entityType: "Tender",
      entityId: tender.id,
      data: { ...describeMove(move!), pushedBack: pushed.map(describeMove), reason },
    });
    // Bidders hear of it in the same transaction's outbox: no change, no message.
    const ref = { id: tender.id, code: tender.code, name: tender.paket.name, timeZone: tender.paket.agency.timeZone };
    const stageLabel = (idCommon.stage as Record<string, string>)[old.kind] ?? old.kind;
    await notifyTenderParticipants(
      tx,
      tender.id,
      scheduleChangedMessage(ref, stageLabel, input.startsAt, input.endsAt, reason),
    );
    return { id: tender.id, nextCheckAt };
  });
}
