import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeActor, makeAgency, makeUser } from "@/tests/factories";
import { findOutbox } from "@/modules/notifications/server/find-outbox";
import { sendPendingEmails } from "@/modules/notifications/server/send-pending-emails";
import { startSmtpTestServer, type SmtpTestServer } from "@/modules/notifications/testing/smtp-test-server";
import { db } from "@/server/db";
import { acceptInvitation, findInvitation } from "./accept-invitation";
import { createInvitedUser, resendInvitation } from "./invite-user";
import { signIn } from "./sign-in";
import { closeSignInLimiter } from "./sign-in-limiter";

let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await smtp.close();
  await closeSignInLimiter();
});
beforeEach(() => {
  process.env.SEGEL_SIGNIN_DELAY_MS_PER_FAILURE = "0";
});

const NEW_PASSWORD = "kopi tubruk di warung pojok";
let seq = 0;
const person = () => ({ email: `undangan-${Date.now()}-${++seq}@pu.go.id`, name: `Siti Rahayu ${seq}` });
const invite = (input: Parameters<typeof createInvitedUser>[1], by: Parameters<typeof createInvitedUser>[2]) =>
  db.$transaction((tx) => createInvitedUser(tx, input, by));
const signInAs = (email: string, password: string) =>
  signIn({ email, password, ip: "198.51.100.77", userAgent: "vitest" });

/** Sends the outbox over the real SMTP server and returns the token mailed to `to`. */
async function mailedToken(to: string, page = "undangan"): Promise<string> {
  await sendPendingEmails({ smtpUrl: smtp.url });
  const mail = smtp.received.filter((m) => m.to.includes(to)).at(-1);
  const token = mail && new RegExp(`/${page}/([A-Za-z0-9_-]{43})`).exec(mail.text)?.[1];
  if (!token) throw new Error(`no ${page} link mailed to ${to}`);
  return token;
}

describe("createInvitedUser and acceptInvitation", () => {
  it("creates a user who cannot sign in, mails a one-use link, and the link sets the first password", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const input = person();
    const { userId } = await invite(input, admin);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ passwordHash: null, emailVerifiedAt: null, passwordChangedAt: null });
    // no password yet: every password fails, the timing dummy's own included
    await expect(signInAs(input.email, "segel-timing-dummy")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.auditEvent.findFirst({ where: { action: "user.invited", entityId: userId } })).toMatchObject({
      actorId: admin.userId,
    });

    const token = await mailedToken(input.email);
    expect(await findInvitation(token)).toEqual({ name: input.name, email: input.email });
    await acceptInvitation({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    await expect(signInAs(input.email, NEW_PASSWORD)).resolves.toMatchObject({ userId });
    const after = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(after.emailVerifiedAt).not.toBeNull();
    expect(after.passwordChangedAt).not.toBeNull();

    // used once: the same link neither shows nor sets anything again
    expect(await findInvitation(token)).toBeNull();
    await expect(
      acceptInvitation({
        token,
        password: "teh manis hangat sore hari",
        passwordConfirm: "teh manis hangat sore hari",
      }),
    ).rejects.toMatchObject({ messageKey: "accountTokenInvalid" });
    await expect(signInAs(input.email, NEW_PASSWORD)).resolves.toMatchObject({ userId });
  });

  it("a password the policy refuses does not spend the link", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const input = person();
    await invite(input, admin);
    const token = await mailedToken(input.email);
    for (const bad of ["pendek", "x".repeat(10_000), "passwordpassword", `${input.name} rahasia sekali`]) {
      await expect(acceptInvitation({ token, password: bad, passwordConfirm: bad })).rejects.toMatchObject({
        code: "VALIDATION",
      });
    }
    await expect(acceptInvitation({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).resolves.toEqual({
      email: input.email,
    });
  });

  it("the outbox never shows a live link to an Admin LPSE, before the mail is sent or after", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const input = person();
    const { userId } = await invite(input, admin);
    const pending = await findOutbox(admin, { status: "PENDING" });
    const before = pending.items.find((m) => m.to === input.email)!;
    expect(before.text).toContain("/undangan/[tautan-rahasia-disembunyikan]");
    const token = await mailedToken(input.email);
    // the stored copy lost its link once delivered: a database reader gets nothing either
    const stored = await db.emailOutbox.findFirstOrThrow({ where: { to: input.email } });
    expect(stored.text).not.toContain(token);
    const sent = await findOutbox(admin, { status: "SENT" });
    expect(JSON.stringify(sent.items)).not.toContain(token);
    const audit = await db.auditEvent.findMany({ where: { entityId: userId }, select: { action: true, data: true } });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("refuses a user without user.manage, a taken address in any case, and absurd input, creating nothing", async () => {
    const agency = await makeAgency();
    const admin = await makeActor("ADMIN_LPSE");
    const existing = await makeUser();
    const before = await db.user.count();
    await expect(invite(person(), await makeActor("PPK", agency.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(invite(person(), await makeActor("VERIFIKATOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(invite({ ...person(), email: existing.email.toUpperCase() }, admin)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "userEmailTaken",
    });
    for (const bad of [
      { ...person(), email: `${"a".repeat(200)}@pu.go.id` },
      { ...person(), email: "bukan-email" },
      { ...person(), name: "" },
      { ...person(), name: "x".repeat(10_000) },
      { ...person(), nip: "12345" },
    ]) {
      await expect(invite(bad, admin)).rejects.toMatchObject({ code: "VALIDATION" });
    }
    expect(await db.user.count()).toBe(before + 2); // the PPK and the Verifikator made above
  });
});

describe("resendInvitation", () => {
  it("mails a new link and kills the old one", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const input = person();
    const { userId } = await invite(input, admin);
    const first = await mailedToken(input.email);
    await resendInvitation(admin, userId);
    const second = await mailedToken(input.email);
    expect(second).not.toBe(first);
    expect(await findInvitation(first)).toBeNull();
    await expect(
      acceptInvitation({ token: first, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }),
    ).rejects.toMatchObject({ messageKey: "accountTokenInvalid" });
    await acceptInvitation({ token: second, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    // a user with a password is not invited again
    await expect(resendInvitation(admin, userId)).rejects.toMatchObject({ messageKey: "invitationNotPending" });
  });

  it("keeps an agency admin to the people they invited or of their agency", async () => {
    const [own, other] = [await makeAgency(), await makeAgency()];
    const ownAdmin = await makeActor("ADMIN_AGENCY", own.id);
    const otherAdmin = await makeActor("ADMIN_AGENCY", other.id);
    const { userId } = await invite(person(), ownAdmin);
    await expect(resendInvitation(otherAdmin, userId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resendInvitation(await makeActor("PPK", own.id), userId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resendInvitation(ownAdmin, userId)).resolves.toBeUndefined();
  });

  it("does not invite a disabled user again", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const input = person();
    const { userId } = await invite(input, admin);
    const token = await mailedToken(input.email);
    await db.user.update({ where: { id: userId }, data: { isDisabled: true } });
    await expect(resendInvitation(admin, userId)).rejects.toMatchObject({ messageKey: "invitationNotPending" });
    expect(await findInvitation(token)).toBeNull();
    await expect(
      acceptInvitation({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }),
    ).rejects.toMatchObject({ messageKey: "accountTokenInvalid" });
  });
});
