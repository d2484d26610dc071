import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ChangeAgencyInput } from "../organisation.schemas";
import { conflictOnDuplicate } from "./unique-violation";

/**
 * ADMIN_LPSE corrects an agency's code, name, kind or time zone. A new time zone changes how
 * every schedule of the agency is shown (the instants stay), so the event keeps before and after.
 */
export async function changeAgency(actor: Actor, input: ChangeAgencyInput): Promise<void> {
  if (!can(actor, "agency.manage")) throw new AppError("FORBIDDEN");
  const { agencyId, ...after } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.agency.findUnique({
      where: { id: agencyId },
      select: { code: true, name: true, kind: true, timeZone: true },
    });
    if (!before) throw new AppError("NOT_FOUND");
    await conflictOnDuplicate(() => tx.agency.update({ where: { id: agencyId }, data: after }), "agencyCodeTaken");
    await recordAuditEvent(tx, {
      actor,
      action: "agency.changed",
      entityType: "Agency",
      entityId: agencyId,
      data: { before, after },
    });
  });
}
