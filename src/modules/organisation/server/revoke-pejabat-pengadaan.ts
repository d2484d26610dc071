import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { PejabatPengadaanInput } from "../organisation.schemas";
import { revokeRole } from "./revoke-role";

/**
 * Ends an appointment through revokeRole (the row stays as history; refused while the person
 * still holds pakets that are handed over or in selection, which nobody could then finish).
 */
export async function revokePejabatPengadaan(actor: Actor, input: PejabatPengadaanInput): Promise<void> {
  if (!can(actor, "pejabatPengadaan.appoint", { agencyId: input.agencyId })) throw new AppError("FORBIDDEN");
  const membership = await db.roleMembership.findFirst({
    where: { userId: input.userId, role: "PEJABAT_PENGADAAN", agencyId: input.agencyId, revokedAt: null },
    select: { id: true },
  });
  if (!membership) throw new AppError("NOT_FOUND");
  await revokeRole(actor, { membershipId: membership.id }, async (tx) => {
    await recordAuditEvent(tx, {
      actor,
      action: "pejabatPengadaan.revoked",
      entityType: "User",
      entityId: input.userId,
      data: { agencyId: input.agencyId },
    });
  });
}
