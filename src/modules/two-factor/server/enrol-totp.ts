import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { classifyCode } from "../domain/totp-policy";
import { replaceRecoveryCodes } from "./recovery-codes";
import { matchTotpCode, newTotpSecret } from "./totp-code";
import { openTotpSecret, sealTotpSecret } from "./totp-secret";
import { lockTotpUser } from "./totp-user";

/**
 * Starts TOTP enrolment: a new secret, sealed, waits in the user's row until a code from it
 * confirms it. Starting again replaces a secret not yet confirmed (a QR code scanned by the
 * wrong phone). Any signed-in user may, including one whose roles require it and who is sent
 * here before anything else; a user who has TOTP must disable it or have it reset first.
 */
export async function startTotpEnrolment(actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await lockTotpUser(tx, actor.userId);
    if (!user) throw new AppError("NOT_FOUND");
    if (user.totpEnabledAt) throw new AppError("CONFLICT", "totpAlreadyEnabled");
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: await sealTotpSecret(user.id, newTotpSecret()), totpLastStep: null },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "auth.totpEnrolmentStarted",
      entityType: "User",
      entityId: user.id,
      data: { sessionId: actor.sessionId },
    });
  });
}

/**
 * Confirms enrolment with a code from the new secret: TOTP is on, ten recovery codes are made
 * (returned once, to be shown once), and this session counts as having its second factor.
 */
export async function confirmTotpEnrolment(
  actor: Actor,
  input: { code: string },
): Promise<{ recoveryCodes: string[] }> {
  const parsed = classifyCode(input.code);
  if (parsed?.kind !== "totp") throw new AppError("VALIDATION", "totpCodeFormat", {}, { code: ["totpCodeFormat"] });
  return db.$transaction(async (tx) => {
    const user = await lockTotpUser(tx, actor.userId);
    if (!user) throw new AppError("NOT_FOUND");
    if (user.totpEnabledAt) throw new AppError("CONFLICT", "totpAlreadyEnabled");
    const secret = user.totpSecret ? await openTotpSecret(user.id, user.totpSecret) : null;
    if (!secret) throw new AppError("INVALID_STATE", "totpEnrolmentNotStarted");
    const now = await dbNow(tx);
    const step = await matchTotpCode(secret, parsed.code, now, null);
    // The secret is the server's own, just shown to this session: a wrong code tells nothing.
    if (step === null)
      throw new AppError("VALIDATION", "totpCodeWrongEnrolment", {}, { code: ["totpCodeWrongEnrolment"] });
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: now, totpLastStep: BigInt(step) } });
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id, now);
    if (actor.sessionId) {
      await tx.userSession.updateMany({
        where: { id: actor.sessionId, userId: user.id, revokedAt: null },
        data: {
          secondFactorAt: now,
          secondFactorMethod: "enrolment",
          secondFactorFailures: 0,
          secondFactorFailedAt: null,
        },
      });
    }
    await recordAuditEvent(tx, {
      actor,
      action: "auth.totpEnrolled",
      entityType: "User",
      entityId: user.id,
      data: { sessionId: actor.sessionId, recoveryCodes: recoveryCodes.length },
    });
    return { recoveryCodes };
  });
}
