import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { refuseDeadlinesInMaintenance } from "@/modules/availability";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { scheduleItems, toFieldErrors } from "../domain/publish-checklist";
import { validateSchedule } from "../domain/schedule";
import type { SetTenderScheduleInput } from "../tender.schemas";
import { lockPokjaTender } from "./load-pokja-tender";
import { procedureStages } from "./tender-stages";

/**
 * The Pokja's dates for a draft tender: one window per stage of the tender's procedure,
 * in the procedure's order (the stages themselves are not the Pokja's choice), each at
 * least as long as the procedure's minimum for it.
 */
export async function setTenderSchedule(actor: Actor, input: SetTenderScheduleInput) {
  return db.$transaction(async (tx) => {
    const tender = await lockPokjaTender(tx, actor, input.tenderId, "tender.setup", {
      id: true,
      status: true,
      procedure: { select: { stages: true } },
      paket: { select: { agency: { select: { timeZone: true } } } },
    });
    if (tender.status !== "DRAFT") throw new AppError("INVALID_STATE", "tenderSetupLocked");
    const procedure = procedureStages(tender.procedure.stages);
    if (input.stages.length !== procedure.length)
      throw new AppError("VALIDATION", "scheduleStagesMismatch", { count: procedure.length });

    // Each stage keeps the minimum in force now: a later change of the procedure's
    // minimums applies to schedules set after it, not to this one.
    const stages = procedure.map(({ kind, minHours }, position) => ({
      kind,
      position,
      minHours,
      ...input.stages[position]!,
    }));
    const now = await dbNow(tx);
    const problems = validateSchedule(stages, now);
    if (problems.length)
      throw new AppError("VALIDATION", "scheduleInvalid", {}, toFieldErrors(scheduleItems(problems)));
    // no deadline inside an announced maintenance window (docs/decisions/0040)
    await refuseDeadlinesInMaintenance(tx, stages, {
      now,
      timeZone: tender.paket.agency.timeZone,
      fieldOf: (s) => `schedule.${s.kind}`,
    });

    await tx.tenderStage.deleteMany({ where: { tenderId: tender.id } });
    await tx.tenderStage.createMany({ data: stages.map((s) => ({ ...s, tenderId: tender.id })) });
    await recordAuditEvent(tx, {
      actor,
      action: "tender.scheduleSet",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        stages: stages.map((s) => ({
          kind: s.kind,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          minHours: s.minHours,
        })),
      },
    });
    return { id: tender.id };
  });
}
