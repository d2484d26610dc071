import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { AppError } from "@/server/errors";
import { checkCode } from "./check-code";

/**
 * The sign-in's second step (/masuk/dua-faktor): a TOTP code or one recovery code completes
 * the session, which then has the user's roles on its next request. Only a session whose
 * second factor is due may give one; wrong tries are counted and limited by checkCode.
 */
export async function passSecondFactor(actor: Actor, input: { code: string }): Promise<{ method: string }> {
  if (actor.pending !== "secondFactor") throw new AppError("INVALID_STATE", "secondFactorNotDue");
  return checkCode(
    actor,
    { code: input.code, purpose: "signIn", allowRecovery: true },
    async (tx, user, method, now) => {
      const sessionId = actor.sessionId!;
      const done = await tx.userSession.updateMany({
        where: { id: sessionId, userId: user.id, revokedAt: null, secondFactorAt: null },
        data: { secondFactorAt: now, secondFactorMethod: method },
      });
      if (done.count === 0) throw new AppError("INVALID_STATE", "secondFactorNotDue");
      const codesLeft =
        method === "recovery" ? await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } }) : null;
      await recordAuditEvent(tx, {
        actor,
        action: "auth.secondFactorPassed",
        entityType: "User",
        entityId: user.id,
        data: { method, sessionId, ...(codesLeft === null ? {} : { recoveryCodesLeft: codesLeft }) },
      });
      return { method };
    },
  );
}
