import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/** The instance setting and how many staff it concerns, for ADMIN_LPSE's security page. */
export async function getSecuritySettings(actor: Actor): Promise<{ requireStaffTotp: boolean; hasInstance: boolean }> {
  if (!can(actor, "security.manage")) throw new AppError("FORBIDDEN");
  const row = await db.lpseInstance.findFirst({ orderBy: { createdAt: "asc" }, select: { requireStaffTotp: true } });
  return { requireStaffTotp: row?.requireStaffTotp ?? false, hasInstance: row !== null };
}

/**
 * Turns the staff TOTP requirement on or off (ADMIN_LPSE). It takes effect on each staff
 * session's next request: turned on, staff without TOTP are sent to enrol before anything else.
 */
export async function setStaffTotpRequirement(actor: Actor, input: { required: boolean }): Promise<void> {
  if (!can(actor, "security.manage")) throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; requireStaffTotp: boolean }[]>`
      SELECT id, "requireStaffTotp" FROM "LpseInstance" ORDER BY "createdAt" LIMIT 1 FOR UPDATE`;
    const lpse = rows[0];
    if (!lpse) throw new AppError("INVALID_STATE", "lpseNotSetUp");
    if (lpse.requireStaffTotp === input.required) return;
    await tx.lpseInstance.update({ where: { id: lpse.id }, data: { requireStaffTotp: input.required } });
    await recordAuditEvent(tx, {
      actor,
      action: "lpse.staffTotpRequirementChanged",
      entityType: "LpseInstance",
      entityId: lpse.id,
      data: { required: input.required },
    });
  });
}
