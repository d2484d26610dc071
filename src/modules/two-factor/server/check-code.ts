import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { classifyCode, TOTP_POLICY } from "../domain/totp-policy";
import { spendRecoveryCode } from "./recovery-codes";
import { matchTotpCode } from "./totp-code";
import { openTotpSecret } from "./totp-secret";
import { lockTotpUser, type TotpUser } from "./totp-user";

export type CodeMethod = "totp" | "recovery";

/** Why a code is asked for; the failure's audit event names it. */
export type CodePurpose = "signIn" | "regenerateRecoveryCodes" | "disable";

/**
 * Checks a code the signed-in user typed and, when it is right, runs `onValid` in the same
 * transaction (the code is spent there: its time step or the recovery code is used up).
 *
 * Each try is counted before the code is checked, in a transaction of its own that locks the
 * user: parallel guesses cannot slip past a limit while codes are checked. The fifth wrong try
 * in a session ends that session; ten over all of a user's sessions in 15 minutes refuse
 * further tries for the rest of the window (NIST SP 800-63B §5.2.2; figures in TOTP_POLICY).
 */
export async function checkCode<T>(
  actor: Actor,
  input: { code: string; purpose: CodePurpose; allowRecovery: boolean },
  onValid: (tx: Tx, user: TotpUser, method: CodeMethod, now: Date) => Promise<T>,
): Promise<T> {
  const sessionId = actor.sessionId;
  if (!sessionId) throw new AppError("UNAUTHENTICATED");
  const parsed = classifyCode(input.code);
  if (!parsed || (parsed.kind === "recovery" && !input.allowRecovery))
    throw new AppError("VALIDATION", "totpCodeFormat", {}, { code: ["totpCodeFormat"] });

  const tries = await reserveTry(actor.userId, sessionId);
  const outcome = await db.$transaction(async (tx) => {
    const user = await lockTotpUser(tx, actor.userId);
    if (!user?.totpSecret || !user.totpEnabledAt) throw new AppError("INVALID_STATE", "totpNotEnrolled");
    const now = await dbNow(tx);
    if (!(await spend(tx, user, parsed, now))) return { ok: false as const };
    await tx.userSession.update({
      where: { id: sessionId },
      data: { secondFactorFailures: 0, secondFactorFailedAt: null },
    });
    return { ok: true as const, value: await onValid(tx, user, parsed.kind, now) };
  });
  if (outcome.ok) return outcome.value;
  await recordFailure(actor, sessionId, parsed.kind, input.purpose, tries);
  if (tries >= TOTP_POLICY.sessionMaxFailures) throw new AppError("UNAUTHENTICATED", "secondFactorSessionEnded");
  throw new AppError(
    "VALIDATION",
    "totpCodeWrong",
    { left: TOTP_POLICY.sessionMaxFailures - tries },
    {
      code: ["totpCodeWrong"],
    },
  );
}

/** Is the code right and unspent? Spends it if so: a TOTP step is used once, a recovery code once. */
async function spend(tx: Tx, user: TotpUser, parsed: { kind: CodeMethod; code: string }, now: Date): Promise<boolean> {
  if (parsed.kind === "recovery") return spendRecoveryCode(tx, user.id, parsed.code, now);
  const secret = await openTotpSecret(user.id, user.totpSecret!);
  if (!secret) return false;
  const lastStep = user.totpLastStep === null ? null : Number(user.totpLastStep);
  const step = await matchTotpCode(secret, parsed.code, now, lastStep);
  if (step === null) return false;
  await tx.user.update({ where: { id: user.id }, data: { totpLastStep: BigInt(step) } });
  return true;
}

/** Counts this try against the session and the user; refuses it when a limit is reached. */
async function reserveTry(userId: string, sessionId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
    const [recent] = await tx.$queryRaw<{ failures: number }[]>`
      SELECT COALESCE(SUM("secondFactorFailures"), 0)::int AS failures FROM "UserSession"
       WHERE "userId" = ${userId}::uuid
         AND "secondFactorFailedAt" > segel_now() - make_interval(mins => ${TOTP_POLICY.userWindowMinutes})`;
    if (recent!.failures >= TOTP_POLICY.userMaxFailures)
      throw new AppError("RATE_LIMITED", "secondFactorPaused", { minutes: TOTP_POLICY.userWindowMinutes });
    const counted = await tx.$queryRaw<{ tries: number }[]>`
      UPDATE "UserSession"
         SET "secondFactorFailures" = "secondFactorFailures" + 1,
             "secondFactorFailedAt" = date_trunc('milliseconds', segel_now())
       WHERE id = ${sessionId}::uuid AND "userId" = ${userId}::uuid AND "revokedAt" IS NULL
         AND "secondFactorFailures" < ${TOTP_POLICY.sessionMaxFailures}
      RETURNING "secondFactorFailures" AS tries`;
    if (!counted[0]) throw new AppError("UNAUTHENTICATED", "secondFactorSessionEnded");
    return counted[0].tries;
  });
}

/** The wrong try's record; the fifth in a session also ends the session. Never the code itself. */
async function recordFailure(actor: Actor, sessionId: string, method: CodeMethod, purpose: CodePurpose, tries: number) {
  await db.$transaction(async (tx) => {
    const ended = tries >= TOTP_POLICY.sessionMaxFailures;
    if (ended) {
      await tx.$executeRaw`UPDATE "UserSession" SET "revokedAt" = date_trunc('milliseconds', segel_now())
        WHERE id = ${sessionId}::uuid AND "revokedAt" IS NULL`;
    }
    await recordAuditEvent(tx, {
      actor,
      action: "auth.secondFactorFailed",
      entityType: "User",
      entityId: actor.userId,
      data: { method, sessionId, purpose, tries, sessionEnded: ended },
    });
  });
}
