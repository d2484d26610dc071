import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { queueEmail } from "@/modules/notifications";
import { dbNow, type Tx } from "@/server/db";
import { formatInZone } from "@/lib/time";
import { passwordChangedMail } from "../domain/account-mail";
import type { Actor } from "../domain/permissions";
import { voidAccountTokens } from "./account-tokens";
import { revokeAllSessions } from "./revoke-all-sessions";

export type PasswordSetHow = "invitationAccepted" | "passwordChanged" | "passwordReset";

const ACTION: Record<PasswordSetHow, string> = {
  invitationAccepted: "user.invitationAccepted",
  passwordChanged: "user.passwordChanged",
  passwordReset: "user.passwordReset",
};

/**
 * Stores a new password hash and what follows from it, in the caller's transaction: every
 * outstanding invitation and reset link dies, every session ends (issue 11: every active
 * session of a user ends when their password changes), the audit event, and for a change or
 * a reset a mail telling the owner (no secret in it), so a takeover does not go unseen.
 */
export async function storeNewPassword(
  tx: Tx,
  user: { id: string; name: string; email: string; locale: string },
  passwordHash: string,
  how: PasswordSetHow,
  actor: Actor | null,
): Promise<void> {
  const now = await dbNow(tx);
  await tx.user.update({
    where: { id: user.id },
    data: {
      passwordHash,
      passwordChangedAt: now,
      // a link mailed to the address was used, so the address is the user's
      ...(how === "passwordChanged" ? {} : { emailVerifiedAt: now }),
    },
  });
  await voidAccountTokens(tx, user.id, ["INVITATION", "PASSWORD_RESET"]);
  // an invited user has never signed in: no session to end, and no event saying so
  const { count } =
    how === "invitationAccepted"
      ? { count: 0 }
      : await revokeAllSessions(tx, user.id, how === "passwordReset" ? "passwordReset" : "passwordChanged", actor);
  await recordAuditEvent(tx, {
    actor,
    action: ACTION[how],
    entityType: "User",
    entityId: user.id,
    data: { sessionsEnded: count },
  });
  if (how === "invitationAccepted") return;
  const at = formatInZone(now, "Asia/Jakarta", user.locale === "en" ? "en" : "id");
  await queueEmail(tx, { to: user.email, ...passwordChangedMail({ name: user.name, at, locale: user.locale }) });
}
