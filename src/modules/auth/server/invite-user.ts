import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { queueEmail } from "@/modules/notifications";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { invitedUserSchema, type InvitedUserInput } from "../account.schemas";
import { invitationMail } from "../domain/account-mail";
import { ACCOUNT_TOKEN_LIFETIME_SECONDS } from "../domain/account-token-policy";
import { can, hasRole, type Actor } from "../domain/permissions";
import { accountTokenLink, issueAccountToken } from "./account-tokens";
import { activeMembershipWhere } from "./active-membership";

const INVITATION_DAYS = ACCOUNT_TOKEN_LIFETIME_SECONDS.INVITATION / 86_400;

async function queueInvitation(tx: Tx, user: { id: string; email: string; name: string; locale: string }, by: Actor) {
  const token = await issueAccountToken(tx, { userId: user.id, kind: "INVITATION", createdById: by.userId });
  const mail = invitationMail({
    name: user.name,
    invitedBy: by.name,
    link: accountTokenLink("INVITATION", token),
    days: INVITATION_DAYS,
    locale: user.locale,
  });
  await queueEmail(tx, { to: user.email, ...mail });
}

/**
 * A new government user with no usable password, and the invitation that lets them set one,
 * in the caller's transaction (the organisation module grants the roles in the same one).
 * Only a user manager (ADMIN_LPSE, ADMIN_AGENCY) invites; an address already in use, in any
 * letter case, is refused.
 */
export async function createInvitedUser(tx: Tx, raw: InvitedUserInput, invitedBy: Actor): Promise<{ userId: string }> {
  if (!can(invitedBy, "user.manage")) throw new AppError("FORBIDDEN");
  const parsed = invitedUserSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_form"] ??= []).push(issue.message);
    throw new AppError("VALIDATION", "VALIDATION", {}, fieldErrors);
  }
  const input = parsed.data;
  const taken = await tx.user.findFirst({
    where: { email: { equals: input.email, mode: "insensitive" } },
    select: { id: true },
  });
  if (taken) throw new AppError("CONFLICT", "userEmailTaken", {}, { email: ["userEmailTaken"] });
  const user = await tx.user.create({
    data: {
      email: input.email,
      name: input.name,
      nip: input.nip || null,
      phone: input.phone || null,
      locale: input.locale ?? "id",
      passwordHash: null,
    },
    select: { id: true, email: true, name: true, locale: true },
  });
  await queueInvitation(tx, user, invitedBy);
  await recordAuditEvent(tx, {
    actor: invitedBy,
    action: "user.invited",
    entityType: "User",
    entityId: user.id,
    // no token, no link: the audit trail is read by auditors and admins
    data: { email: user.email, name: user.name, nip: input.nip || null },
  });
  return { userId: user.id };
}

/**
 * A fresh invitation for a user who has not set a password yet; the older links stop
 * working. ADMIN_LPSE may resend any; an agency admin only one they or their agency sent
 * (they invited the person, or the person holds roles in their agencies only).
 */
export async function resendInvitation(actor: Actor, userId: string): Promise<void> {
  if (!can(actor, "user.manage")) throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        name: true,
        locale: true,
        isDisabled: true,
        passwordHash: true,
        accountTokens: { where: { kind: "INVITATION" }, select: { createdById: true } },
        memberships: { where: activeMembershipWhere(await dbNow(tx)), select: { agencyId: true } },
      },
    });
    if (!user) throw new AppError("NOT_FOUND");
    if (!hasRole(actor, "ADMIN_LPSE")) {
      const agencies = actor.memberships.filter((m) => m.role === "ADMIN_AGENCY").map((m) => m.agencyId);
      const invitedByActor = user.accountTokens.some((t) => t.createdById === actor.userId);
      const ofActorsAgency =
        user.memberships.length > 0 &&
        user.memberships.every((m) => m.agencyId !== null && agencies.includes(m.agencyId));
      if (!invitedByActor && !ofActorsAgency) throw new AppError("FORBIDDEN");
    }
    if (user.isDisabled || user.passwordHash !== null) throw new AppError("INVALID_STATE", "invitationNotPending");
    await queueInvitation(tx, user, actor);
    await recordAuditEvent(tx, {
      actor,
      action: "user.invitationResent",
      entityType: "User",
      entityId: user.id,
      data: { email: user.email },
    });
  });
}
