import "server-only";
import type { TenderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { notifyTenderParticipants } from "@/modules/notifications";
import { scheduleChangedMessage } from "@/modules/notifications/domain";
import { applyStageMoves, describeMove, loadStages, lockPokjaTender, rescheduleNextCheck } from "@/modules/tenders";
import { pushBack } from "@/modules/tenders/domain";
import idCommon from "@/i18n/messages/id/common.json";
import { formatInZone } from "@/lib/time";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { AddToCompensationInput } from "../compensation.schemas";
import { windowContaining } from "../domain/maintenance";

const RUNNING: readonly TenderStatus[] = ["PUBLISHED", "EVALUATION", "AWARDED"];
const HOUR_MS = 3_600_000;

/**
 * A member of the tender's own Pokja gives a compensated stage more time, with a reason
 * (issue 13: the Pokja may add to a compensation, never remove it). Only while the stage has
 * not ended, by the database clock; the stage's end moves later like a Pokja's later end,
 * pushing the later stages back; public (ScheduleChange with the reason), audited, and told
 * to the participants, all in one transaction under the tender's row lock.
 */
export async function addToCompensation(actor: Actor, input: AddToCompensationInput) {
  return db.$transaction(async (tx) => {
    const compensation = await tx.compensation.findUnique({
      where: { id: input.compensationId },
      select: { id: true, tenderId: true, stageId: true },
    });
    if (!compensation) throw new AppError("NOT_FOUND");
    // another Pokja (or no Pokja role in the agency) sees NOT_FOUND, so ids cannot be probed
    const tender = await lockPokjaTender(tx, actor, compensation.tenderId, "compensation.add", {
      id: true,
      code: true,
      status: true,
      paket: { select: { name: true, agency: { select: { timeZone: true } } } },
    });
    if (!RUNNING.includes(tender.status)) throw new AppError("INVALID_STATE", "tenderClosed");

    const stages = await loadStages(tx, tender.id);
    const stage = stages.find((s) => s.id === compensation.stageId);
    if (!stage) throw new AppError("NOT_FOUND");
    const now = await dbNow(tx);
    const timeZone = tender.paket.agency.timeZone;
    if (stage.endsAt.getTime() <= now.getTime())
      throw new AppError("INVALID_STATE", "compensationStageEnded", { end: formatInZone(stage.endsAt, timeZone) });

    const shiftMs = input.hours * HOUR_MS;
    const newEndsAt = new Date(stage.endsAt.getTime() + shiftMs);
    const windows = await tx.maintenanceWindow.findMany({
      where: { cancelledAt: null, endsAt: { gt: stage.endsAt } },
      select: { startsAt: true, endsAt: true, endedAt: true, cancelledAt: true },
    });
    const window = windowContaining(newEndsAt, windows);
    if (window)
      throw new AppError(
        "VALIDATION",
        "compensationEndInMaintenance",
        {},
        {
          hours: ["compensationEndInMaintenance"],
        },
      );

    const reason = input.reason.trim();
    const others = stages.filter((s) => s.id !== stage.id);
    const move = { stage, startsAt: stage.startsAt, endsAt: newEndsAt };
    const pushed = pushBack(others, stage.endsAt, shiftMs);
    await applyStageMoves(tx, tender.id, stages, [move, ...pushed], {
      reason: `Tambahan kompensasi gangguan sistem: ${reason}`,
      changedById: actor.userId,
      changedAt: now,
    });
    const addition = await tx.compensationAddition.create({
      data: {
        compensationId: compensation.id,
        addedById: actor.userId,
        seconds: input.hours * 3600,
        reason,
        oldEndsAt: stage.endsAt,
        newEndsAt,
        createdAt: now,
      },
      select: { id: true },
    });
    const nextCheckAt = await rescheduleNextCheck(tx, tender.id, now);
    await recordAuditEvent(tx, {
      actor,
      action: "compensation.added",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        compensationId: compensation.id,
        additionId: addition.id,
        hours: input.hours,
        reason,
        ...describeMove(move),
        pushedBack: pushed.map(describeMove),
      },
    });
    const ref = { id: tender.id, code: tender.code, name: tender.paket.name, timeZone };
    const stageLabel = (idCommon.stage as Record<string, string>)[stage.kind] ?? stage.kind;
    await notifyTenderParticipants(
      tx,
      tender.id,
      scheduleChangedMessage(
        ref,
        stageLabel,
        stage.startsAt,
        newEndsAt,
        `Pokja Pemilihan menambah kompensasi gangguan sistem ${input.hours} jam. ${reason}`,
      ),
    );
    return { id: addition.id, newEndsAt, nextCheckAt };
  });
}
