import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { performance } from "node:perf_hooks";
import { recordAuditEvent } from "@/modules/audit";
import { queueEmail } from "@/modules/notifications";
import { db } from "@/server/db";
import type { AcceptInvitationInput, RequestPasswordResetInput } from "../account.schemas";
import { passwordResetMail } from "../domain/account-mail";
import { ACCOUNT_TOKEN_LIFETIME_SECONDS } from "../domain/account-token-policy";
import {
  accountTokenLink,
  consumeAccountToken,
  findAccountTokenUser,
  invalidTokenError,
  issueAccountToken,
} from "./account-tokens";
import { hashNewPassword } from "./new-password";
import { countResetRequest } from "./reset-limiter";
import { storeNewPassword } from "./set-password";

/**
 * Every request takes at least this long, whether a mail was queued or not, so the time of
 * the answer does not tell which addresses are registered (the work itself takes a few
 * milliseconds either way). Configuration, not law.
 */
const RESET_ANSWER_FLOOR_MS = 400;

export interface ResetRequestContext {
  ip: string | null;
  userAgent: string | null;
}

/**
 * "Lupa kata sandi". The answer is the same whether the address belongs to an active user,
 * a disabled one or nobody: only the mail differs, and only the owner of the address reads
 * it. Requests are limited per address and per e-mail (reset-limiter.ts) whether or not the
 * e-mail is registered, so the limit tells nothing either. A new link voids the older ones.
 */
export async function requestPasswordReset(
  input: RequestPasswordResetInput,
  context: ResetRequestContext,
): Promise<void> {
  const started = performance.now();
  try {
    await countResetRequest(input.email, context.ip);
    const user = await db.user.findFirst({
      where: { email: { equals: input.email, mode: "insensitive" }, isDisabled: false },
      select: { id: true, name: true, email: true, locale: true },
      orderBy: { createdAt: "asc" },
    });
    if (!user) return;
    await db.$transaction(async (tx) => {
      const token = await issueAccountToken(tx, { userId: user.id, kind: "PASSWORD_RESET" });
      const mail = passwordResetMail({
        name: user.name,
        link: accountTokenLink("PASSWORD_RESET", token),
        minutes: ACCOUNT_TOKEN_LIFETIME_SECONDS.PASSWORD_RESET / 60,
        locale: user.locale,
      });
      await queueEmail(tx, { to: user.email, ...mail });
      // actor null: whoever asked is not known to be the owner
      await recordAuditEvent(tx, {
        actor: null,
        action: "user.passwordResetRequested",
        entityType: "User",
        entityId: user.id,
        data: { ip: context.ip, userAgent: context.userAgent },
      });
    });
  } finally {
    const left = RESET_ANSWER_FLOOR_MS - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}

/** What /atur-ulang-kata-sandi/[token] shows; null: a dead link (or a disabled account). */
export async function findPasswordReset(token: string): Promise<{ name: string; email: string } | null> {
  const user = await findAccountTokenUser({ token, kind: "PASSWORD_RESET" });
  if (!user || user.isDisabled) return null;
  return { name: user.name, email: user.email };
}

/**
 * Sets a new password from a reset link: the link is used once, the other links die, and
 * every session of the user ends (a thief signed in with the old password is thrown out).
 * A disabled user's link does nothing: disabling is not undone by e-mail.
 */
export async function resetPassword(input: AcceptInvitationInput): Promise<{ email: string }> {
  const user = await findAccountTokenUser({ token: input.token, kind: "PASSWORD_RESET" });
  if (!user || user.isDisabled) throw invalidTokenError();
  const passwordHash = await hashNewPassword(input.password, user);
  return db.$transaction(async (tx) => {
    const { userId } = await consumeAccountToken(tx, { token: input.token, kind: "PASSWORD_RESET" });
    const current = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, name: true, email: true, locale: true, isDisabled: true },
    });
    if (current.isDisabled) throw invalidTokenError();
    await storeNewPassword(tx, current, passwordHash, "passwordReset", null);
    return { email: current.email };
  });
}
