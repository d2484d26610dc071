import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { accountTokenLink, consumeAccountToken, issueAccountToken } from "@/modules/auth";
import { ACCOUNT_TOKEN_LIFETIME_SECONDS, type Actor } from "@/modules/auth/domain";
import { queueEmail } from "@/modules/notifications";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { companyName } from "../domain/company-name";
import { CONFIRMATION_RESENDS_PER_HOUR, emailConfirmationMail } from "../domain/confirmation-mail";
import { ownVendorId } from "./own-vendor";

const CONFIRMATION_DAYS = ACCOUNT_TOKEN_LIFETIME_SECONDS.EMAIL_CONFIRMATION / 86_400;

/** Issues a one-use link (older ones stop working) and queues the mail, in the caller's transaction. */
export async function queueEmailConfirmation(tx: Tx, userId: string): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, vendor: { select: { name: true, businessForm: true } } },
  });
  const token = await issueAccountToken(tx, { userId: user.id, kind: "EMAIL_CONFIRMATION", createdById: user.id });
  const mail = emailConfirmationMail({
    name: user.name,
    company: user.vendor ? companyName(user.vendor) : "",
    link: accountTokenLink("EMAIL_CONFIRMATION", token),
    days: CONFIRMATION_DAYS,
  });
  await queueEmail(tx, { to: user.email, ...mail });
}

/**
 * The link from the mail, used once: the user's address is confirmed at the database time.
 * Public (the link is the proof); a used, expired, unknown or other kind of link is one
 * refusal that tells nothing apart, and changes nothing.
 */
export async function confirmEmail(input: { token: string }): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const { userId } = await consumeAccountToken(tx, { token: input.token, kind: "EMAIL_CONFIRMATION" });
    const now = await dbNow(tx);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, name: true, email: true, emailVerifiedAt: true },
    });
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now } });
    await recordAuditEvent(tx, {
      actor: { userId: user.id, name: user.name, ip: null, userAgent: null },
      action: "user.emailConfirmed",
      entityType: "User",
      entityId: user.id,
      // no token: the audit trail is read by auditors and admins
      data: { email: user.email, confirmedAt: (user.emailVerifiedAt ?? now).toISOString() },
    });
    return { email: user.email };
  });
}

/**
 * Sends the confirmation mail again for the signed-in vendor user whose address is not
 * confirmed; at most CONFIRMATION_RESENDS_PER_HOUR links an hour, counted by the database
 * clock, so a script cannot flood an inbox through Segel.
 */
export async function resendEmailConfirmation(actor: Actor): Promise<void> {
  ownVendorId(actor);
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.userId}::uuid FOR UPDATE`;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { email: true, emailVerifiedAt: true },
    });
    if (user.emailVerifiedAt) throw new AppError("INVALID_STATE", "emailAlreadyConfirmed");
    const [recent] = await tx.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "AccountToken"
      WHERE "userId" = ${actor.userId}::uuid AND kind = 'EMAIL_CONFIRMATION'
        AND "createdAt" > segel_now() - interval '1 hour'`;
    if (Number(recent?.count ?? 0) >= CONFIRMATION_RESENDS_PER_HOUR)
      throw new AppError("RATE_LIMITED", "emailConfirmationResendLimited");
    await queueEmailConfirmation(tx, actor.userId);
    await recordAuditEvent(tx, {
      actor,
      action: "user.emailConfirmationSent",
      entityType: "User",
      entityId: actor.userId,
      data: { email: user.email },
    });
  });
}

/** Whether the signed-in user's address is confirmed (the profile page offers the resend). */
export async function isEmailConfirmed(actor: Actor): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { emailVerifiedAt: true } });
  return Boolean(user?.emailVerifiedAt);
}
