import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "../domain/permissions";
import { loadManagedUser } from "./load-managed-user";
import { assertAnotherLpseAdmin } from "./lpse-admins";

/**
 * Disables a user and revokes every session they hold, so they are signed out on their
 * very next request (the session row is checked on each one).
 */
export async function disableUser(
  actor: Actor,
  input: { userId: string; reason: string },
): Promise<{ revokedSessions: number }> {
  return db.$transaction(async (tx) => {
    const user = await loadManagedUser(tx, actor, input.userId);
    if (user.isDisabled) throw new AppError("INVALID_STATE");
    if (user.memberships.some((m) => m.role === "ADMIN_LPSE")) await assertAnotherLpseAdmin(tx, user.id);
    const now = await dbNow(tx);
    // Conditional update: of two admins clicking at once, only one records the change.
    const changed = await tx.user.updateMany({ where: { id: user.id, isDisabled: false }, data: { isDisabled: true } });
    if (changed.count === 0) throw new AppError("INVALID_STATE");
    const revoked = await tx.userSession.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { revokedAt: now },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "user.disabled",
      entityType: "User",
      entityId: user.id,
      data: { reason: input.reason, revokedSessions: revoked.count },
    });
    return { revokedSessions: revoked.count };
  });
}
