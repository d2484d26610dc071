import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { revokeAllSessions } from "@/modules/auth";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { lockTotpUser } from "./totp-user";

/**
 * A lost authenticator: ADMIN_LPSE clears a user's TOTP secret and recovery codes and ends
 * every session of theirs; at the next sign-in the user enrols again (or, when their roles
 * do not require it, goes on without). An admin cannot reset their own: a stolen admin
 * password alone must not be enough to take the admin's second factor away.
 */
export async function resetUserTotp(actor: Actor, input: { userId: string; reason: string }): Promise<void> {
  if (!can(actor, "user.resetSecondFactor")) throw new AppError("FORBIDDEN");
  if (input.userId.toLowerCase() === actor.userId.toLowerCase()) throw new AppError("FORBIDDEN", "totpResetOwn");
  await db.$transaction(async (tx) => {
    const user = await lockTotpUser(tx, input.userId);
    if (!user) throw new AppError("NOT_FOUND");
    if (!user.totpSecret) throw new AppError("INVALID_STATE", "totpNotEnrolled");
    const wasEnabled = user.totpEnabledAt !== null;
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const sessions = await revokeAllSessions(tx, user.id, "secondFactorReset", actor);
    await recordAuditEvent(tx, {
      actor,
      action: "user.totpReset",
      entityType: "User",
      entityId: user.id,
      data: { reason: input.reason, wasEnabled, recoveryCodesRemoved: codes.count, revokedSessions: sessions.count },
    });
  });
}
