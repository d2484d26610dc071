import "server-only";
import { activeMembershipWhere } from "@/modules/auth";
import { readLpseProfile } from "@/modules/lpse";
import { signMail, type MailSender } from "../domain/mail-signature";
import { dbNow, type Tx } from "@/server/db";

export interface NotificationMessage {
  /** machine name, e.g. "question.answered", "tender.addendumPublished" */
  kind: string;
  title: string;
  body: string;
  /** a path inside Segel, e.g. "/penyedia/tender/<id>/penjelasan" */
  link?: string | null;
}

// Mail carries an absolute address; NEXTAUTH_URL is the portal's public origin
// (src/cli/start.ts sets it when it is not given).
function absoluteLink(link: string): string {
  const origin = (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return `${origin}${link}`;
}

export function emailText(message: NotificationMessage, lpse: MailSender): string {
  const open = message.link ? `\n\nBuka: ${absoluteLink(message.link)}` : "";
  return signMail(`${message.body}${open}\n\n--\nPesan otomatis. Jangan membalas surel ini.`, lpse);
}

/**
 * Tells users about a change: an inbox row and an outgoing e-mail for each, written in
 * the caller's transaction. A change that rolls back therefore leaves no message, and
 * the worker (sendPendingEmails) sends only what was committed. Disabled accounts get
 * nothing.
 */
export async function notify(tx: Tx, input: NotificationMessage & { userIds: readonly string[] }): Promise<number> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return 0;
  const users = await tx.user.findMany({
    where: { id: { in: ids }, isDisabled: false },
    select: { id: true, email: true },
  });
  if (users.length === 0) return 0;
  const { kind, title, body } = input;
  const link = input.link ?? null;
  await tx.notification.createMany({ data: users.map((u) => ({ userId: u.id, kind, title, body, link })) });
  const text = emailText(input, await readLpseProfile(tx));
  await tx.emailOutbox.createMany({ data: users.map((u) => ({ to: u.email, subject: title, text })) });
  return users.length;
}

/**
 * Several messages, each to its own user, written in a few statements whatever their number
 * (a new tender told to thousands of vendors' saved searches at once). Disabled accounts get
 * nothing. Same rows as notify() writes, in the caller's transaction.
 */
export async function notifyEach(
  tx: Tx,
  messages: readonly (NotificationMessage & { userId: string })[],
): Promise<number> {
  if (messages.length === 0) return 0;
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(messages.map((m) => m.userId))] }, isDisabled: false },
    select: { id: true, email: true },
  });
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const kept = messages.filter((m) => emails.has(m.userId));
  if (kept.length === 0) return 0;
  await tx.notification.createMany({
    data: kept.map((m) => ({ userId: m.userId, kind: m.kind, title: m.title, body: m.body, link: m.link ?? null })),
  });
  const lpse = await readLpseProfile(tx);
  await tx.emailOutbox.createMany({
    data: kept.map((m) => ({ to: emails.get(m.userId)!, subject: m.title, text: emailText(m, lpse) })),
  });
  return kept.length;
}

/** The PENYEDIA users of every vendor registered for the tender. */
export async function findParticipantUserIds(
  tx: Tx,
  tenderId: string,
  options: { vendorIds?: readonly string[] } = {},
): Promise<string[]> {
  const users = await tx.user.findMany({
    where: {
      vendor: { participations: { some: { tenderId } } },
      ...(options.vendorIds ? { vendorId: { in: [...options.vendorIds] } } : {}),
      memberships: { some: { role: "PENYEDIA", ...activeMembershipWhere(await dbNow(tx)) } },
    },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/**
 * Notifies every registered participant of a tender. For the lead to call from other
 * use cases too, e.g. after changeStageSchedule:
 *   notifyTenderParticipants(tx, tender.id, scheduleChangedMessage(...))
 */
export async function notifyTenderParticipants(
  tx: Tx,
  tenderId: string,
  message: NotificationMessage,
): Promise<number> {
  return notify(tx, { ...message, userIds: await findParticipantUserIds(tx, tenderId) });
}
