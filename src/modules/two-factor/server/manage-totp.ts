import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { AppError } from "@/server/errors";
import { checkCode } from "./check-code";
import { replaceRecoveryCodes } from "./recovery-codes";
import { isTotpRequiredFor } from "./totp-user";

// What a user with TOTP does with it from /akun/dua-faktor. Both ask for a current code from
// the authenticator (not a recovery code): whoever holds only a session cannot do either.

const signedIn = (actor: Actor) => {
  if (actor.pending) throw new AppError("UNAUTHENTICATED", "secondFactorPending");
};

/** A new set of ten recovery codes; the old set stops working. The codes are returned once. */
export async function regenerateRecoveryCodes(
  actor: Actor,
  input: { code: string },
): Promise<{ recoveryCodes: string[] }> {
  signedIn(actor);
  return checkCode(
    actor,
    { code: input.code, purpose: "regenerateRecoveryCodes", allowRecovery: false },
    async (tx, user, _method, now) => {
      const recoveryCodes = await replaceRecoveryCodes(tx, user.id, now);
      await recordAuditEvent(tx, {
        actor,
        action: "auth.recoveryCodesRegenerated",
        entityType: "User",
        entityId: user.id,
        data: { sessionId: actor.sessionId, recoveryCodes: recoveryCodes.length },
      });
      return { recoveryCodes };
    },
  );
}

/** Turns TOTP off, when the user's roles do not require it (a vendor, or staff on an instance that does not). */
export async function disableTotp(actor: Actor, input: { code: string }): Promise<void> {
  signedIn(actor);
  await checkCode(actor, { code: input.code, purpose: "disable", allowRecovery: false }, async (tx, user, _m, now) => {
    // Checked after the code so a refusal also tells nothing to someone without it.
    if (await isTotpRequiredFor(tx, user.id, now)) throw new AppError("FORBIDDEN", "totpRequiredByRole");
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await recordAuditEvent(tx, {
      actor,
      action: "auth.totpDisabled",
      entityType: "User",
      entityId: user.id,
      data: { sessionId: actor.sessionId },
    });
  });
}
