import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { assertAnotherLpseAdmin } from "@/modules/auth";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError, isAppError } from "@/server/errors";
import type { RevokeRoleInput } from "../organisation.schemas";
import { assertMayGrant } from "./grant-authority";

/**
 * Revokes a role. The row stays, with who revoked it and when, as the history of the person's
 * appointments; the holder loses its power on their next request (the session reads only
 * active roles). Refused: the last active ADMIN_LPSE, and a Pejabat Pengadaan who still holds
 * pakets in selection (nobody could finish them). A POKJA role is revoked even mid-tender: the
 * seat stays on the Pokja but gives no power (decision 0032).
 */
export async function revokeRole(
  actor: Actor,
  input: RevokeRoleInput,
  // a caller's own audit event in the same transaction (revokePejabatPengadaan)
  alsoRecord?: (tx: Tx) => Promise<void>,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const grant = await tx.roleMembership.findUnique({
      where: { id: input.membershipId },
      select: { id: true, userId: true, role: true, agencyId: true, revokedAt: true, skNumber: true },
    });
    if (!grant) throw new AppError("NOT_FOUND");
    try {
      assertMayGrant(actor, grant.role, grant.agencyId);
    } catch (error) {
      // Another agency's people are not shown to this admin, so they are not found either.
      if (isAppError(error) && error.code === "FORBIDDEN" && grant.agencyId) throw new AppError("NOT_FOUND");
      throw error;
    }
    if (grant.revokedAt) throw new AppError("INVALID_STATE", "roleAlreadyRevoked");
    if (grant.role === "ADMIN_LPSE") await assertAnotherLpseAdmin(tx, grant.userId);
    if (grant.role === "PEJABAT_PENGADAAN") {
      const openPakets = await tx.paket.count({
        where: {
          agencyId: grant.agencyId!,
          pejabatPengadaanId: grant.userId,
          status: { in: ["HANDED_OVER", "IN_SELECTION"] },
        },
      });
      if (openPakets > 0) throw new AppError("INVALID_STATE", "pejabatPengadaanHasOpenPakets", { count: openPakets });
    }
    const now = await dbNow(tx);
    // Conditional update: of two admins revoking at once, one records it.
    const changed = await tx.roleMembership.updateMany({
      where: { id: grant.id, revokedAt: null },
      data: { revokedAt: now, revokedById: actor.userId },
    });
    if (changed.count === 0) throw new AppError("INVALID_STATE", "roleAlreadyRevoked");
    await recordAuditEvent(tx, {
      actor,
      action: "role.revoked",
      entityType: "User",
      entityId: grant.userId,
      data: { membershipId: grant.id, role: grant.role, agencyId: grant.agencyId, skNumber: grant.skNumber },
    });
    await alsoRecord?.(tx);
  });
}
