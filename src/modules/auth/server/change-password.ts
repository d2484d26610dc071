import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ChangePasswordInput } from "../account.schemas";
import type { Actor } from "../domain/permissions";
import { hashNewPassword } from "./new-password";
import { verifyPassword } from "./password";
import { storeNewPassword } from "./set-password";
import { reserveAttempt, settleFailure, settleSuccess } from "./sign-in-limiter";

/**
 * A signed-in user changes their own password; the current one is required, so a session
 * left open on a shared computer cannot be turned into the account. Wrong current passwords
 * count as sign-in failures of that account and address (sign-in-limiter.ts), so an open
 * session is no way around the sign-in throttle. Every session ends, this one included.
 */
export async function changePassword(actor: Actor, input: ChangePasswordInput): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { id: true, name: true, email: true, locale: true, passwordHash: true, isDisabled: true },
  });
  if (!user || user.isDisabled) throw new AppError("UNAUTHENTICATED");
  const attempt = await reserveAttempt(user.email, actor.ip);
  const isValid = user.passwordHash !== null && (await verifyPassword(user.passwordHash, input.currentPassword));
  if (!isValid) {
    await settleFailure(actor.ip, attempt);
    throw new AppError("VALIDATION", "currentPasswordWrong", {}, { currentPassword: ["currentPasswordWrong"] });
  }
  await settleSuccess(user.email, actor.ip);
  const passwordHash = await hashNewPassword(input.password, user);
  await db.$transaction(async (tx) => {
    // a change that raced with another (two tabs) must not both win on a stale check
    const locked = await tx.$queryRaw<{ passwordHash: string | null }[]>`
      SELECT "passwordHash" FROM "User" WHERE id = ${user.id}::uuid FOR UPDATE`;
    if (locked[0]?.passwordHash !== user.passwordHash) throw new AppError("CONFLICT", "passwordChangedMeanwhile");
    await storeNewPassword(tx, user, passwordHash, "passwordChanged", actor);
  });
}
