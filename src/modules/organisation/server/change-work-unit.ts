import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ChangeWorkUnitInput } from "../organisation.schemas";
import { conflictOnDuplicate } from "./unique-violation";

/**
 * Renames a work unit or corrects its code. Once a paket names the satker its code is on that
 * paket's documents, so the code is then kept (the name may still be corrected). There is no
 * delete: a satker that pakets use is history.
 */
export async function changeWorkUnit(actor: Actor, input: ChangeWorkUnitInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.workUnit.findUnique({
      where: { id: input.workUnitId },
      select: { agencyId: true, code: true, name: true, _count: { select: { pakets: true, nonTenderRecords: true } } },
    });
    // Another agency's satker is not shown to this admin, so it is not found either.
    if (!before || !can(actor, "organisation.manage", { agencyId: before.agencyId })) throw new AppError("NOT_FOUND");
    const inUse = before._count.pakets + before._count.nonTenderRecords > 0;
    if (inUse && before.code !== input.code) throw new AppError("INVALID_STATE", "workUnitCodeInUse");
    await conflictOnDuplicate(
      () => tx.workUnit.update({ where: { id: input.workUnitId }, data: { code: input.code, name: input.name } }),
      "workUnitCodeTaken",
    );
    await recordAuditEvent(tx, {
      actor,
      action: "workUnit.changed",
      entityType: "WorkUnit",
      entityId: input.workUnitId,
      data: {
        agencyId: before.agencyId,
        before: { code: before.code, name: before.name },
        after: { code: input.code, name: input.name },
      },
    });
  });
}
