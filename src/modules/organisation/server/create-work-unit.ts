import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { WorkUnitInput } from "../organisation.schemas";
import { conflictOnDuplicate } from "./unique-violation";

/** The agency's admin adds a work unit (satker); its code is unique across the LPSE. */
export async function createWorkUnit(actor: Actor, input: WorkUnitInput): Promise<{ id: string }> {
  if (!can(actor, "organisation.manage", { agencyId: input.agencyId })) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const workUnit = await conflictOnDuplicate(
      () => tx.workUnit.create({ data: input, select: { id: true } }),
      "workUnitCodeTaken",
    );
    await recordAuditEvent(tx, {
      actor,
      action: "workUnit.created",
      entityType: "WorkUnit",
      entityId: workUnit.id,
      data: input,
    });
    return workUnit;
  });
}
