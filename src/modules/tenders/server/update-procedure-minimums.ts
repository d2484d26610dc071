import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { UpdateProcedureMinimumsInput } from "../tender.schemas";
import { procedureStages } from "./tender-stages";

/**
 * ADMIN_LPSE corrects a procedure's minimum stage lengths and the time bidders keep
 * after an addendum, each with its basis. The stages and their default days stay as
 * they are. Not retroactive: a schedule keeps the minimums it was set with (each
 * TenderStage carries its own), so only schedules set after this change follow it.
 * Audited with the values before and after.
 */
export async function updateProcedureMinimums(
  actor: Actor,
  input: UpdateProcedureMinimumsInput,
): Promise<{ id: string }> {
  if (!can(actor, "rule.manage")) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "ProcedureConfig" WHERE id = ${input.procedureId}::uuid FOR UPDATE`;
    const procedure = await tx.procedureConfig.findUnique({
      where: { id: input.procedureId },
      select: { id: true, key: true, stages: true, addendumMinHours: true, addendumMinBasis: true },
    });
    if (!procedure) throw new AppError("NOT_FOUND");
    const stages = procedureStages(procedure.stages);
    if (input.stages.length !== stages.length)
      throw new AppError("VALIDATION", "scheduleStagesMismatch", { count: stages.length });

    const next = stages.map((s, i) => ({ ...s, minHours: input.stages[i]!.minHours, basis: input.stages[i]!.basis }));
    const minimums = (list: typeof stages, hours: number, basis: string) => ({
      stages: list.map(({ kind, minHours, basis }) => ({ kind, minHours, basis })),
      addendumMinHours: hours,
      addendumMinBasis: basis,
    });
    await tx.procedureConfig.update({
      where: { id: procedure.id },
      data: { stages: next, addendumMinHours: input.addendumMinHours, addendumMinBasis: input.addendumMinBasis },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "procedure.minimumsChanged",
      entityType: "ProcedureConfig",
      entityId: procedure.id,
      data: {
        key: procedure.key,
        before: minimums(stages, procedure.addendumMinHours, procedure.addendumMinBasis),
        after: minimums(next, input.addendumMinHours, input.addendumMinBasis),
      },
    });
    return { id: procedure.id };
  });
}
