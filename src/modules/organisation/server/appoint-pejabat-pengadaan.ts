import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { activeMembershipWhere } from "@/modules/auth";
import { can, type Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { PejabatPengadaanInput } from "../organisation.schemas";
import { grantRoleIn } from "./grant-role-in";

/**
 * Appoints a Pejabat Pengadaan (Perpres 16/2018 art. 12: runs pengadaan langsung,
 * penunjukan langsung and e-purchasing up to its limit). Only someone who already works
 * in the agency (holds one of its roles now) can be appointed: the admin cannot reach staff
 * of another agency, nor vendors. The grant is a role like any other (grantRoleIn, which
 * records role.granted); pejabatPengadaan.appointed stays for the existing readers of the log.
 */
export async function appointPejabatPengadaan(actor: Actor, input: PejabatPengadaanInput): Promise<void> {
  if (!can(actor, "pejabatPengadaan.appoint", { agencyId: input.agencyId })) throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: {
        id: true,
        isDisabled: true,
        memberships: {
          where: { agencyId: input.agencyId, ...activeMembershipWhere(await dbNow(tx)) },
          select: { role: true },
        },
      },
    });
    if (!user || user.memberships.length === 0) throw new AppError("NOT_FOUND");
    if (user.isDisabled) throw new AppError("INVALID_STATE", "userDisabled");
    if (user.memberships.some((m) => m.role === "PEJABAT_PENGADAAN"))
      throw new AppError("CONFLICT", "alreadyPejabatPengadaan");
    await grantRoleIn(tx, actor, { userId: user.id, role: "PEJABAT_PENGADAAN", agencyId: input.agencyId });
    await recordAuditEvent(tx, {
      actor,
      action: "pejabatPengadaan.appointed",
      entityType: "User",
      entityId: user.id,
      data: { agencyId: input.agencyId },
    });
  });
}
