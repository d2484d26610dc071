import "server-only";
import { db } from "@/server/db";
import type { AcceptInvitationInput } from "../account.schemas";
import { consumeAccountToken, findAccountTokenUser, invalidTokenError } from "./account-tokens";
import { hashNewPassword } from "./new-password";
import { storeNewPassword } from "./set-password";

/** What /undangan/[token] shows before the person sets a password; null: a dead link. */
export async function findInvitation(token: string): Promise<{ name: string; email: string } | null> {
  const user = await findAccountTokenUser({ token, kind: "INVITATION" });
  if (!user || user.isDisabled) return null;
  return { name: user.name, email: user.email };
}

/**
 * The invited person sets their first password. The link is checked first (so a password
 * the policy refuses does not burn it), then used once in the transaction that stores the
 * password: of two submits racing with one link, one wins and the other is refused. The
 * person then signs in at /masuk, where a second factor is asked if their roles need one.
 */
export async function acceptInvitation(input: AcceptInvitationInput): Promise<{ email: string }> {
  const user = await findAccountTokenUser({ token: input.token, kind: "INVITATION" });
  if (!user || user.isDisabled) throw invalidTokenError();
  const passwordHash = await hashNewPassword(input.password, user);
  return db.$transaction(async (tx) => {
    const { userId } = await consumeAccountToken(tx, { token: input.token, kind: "INVITATION" });
    const current = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, name: true, email: true, locale: true, isDisabled: true },
    });
    if (current.isDisabled) throw invalidTokenError();
    await storeNewPassword(tx, current, passwordHash, "invitationAccepted", null);
    return { email: current.email };
  });
}
