import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeUser, TEST_PASSWORD } from "@/tests/factories";
import { sendPendingEmails } from "@/modules/notifications/server/send-pending-emails";
import { startSmtpTestServer, type SmtpTestServer } from "@/modules/notifications/testing/smtp-test-server";
import { db } from "@/server/db";
import { issueAccountToken } from "./account-tokens";
import { loadSessionActor } from "./load-session-actor";
import { findPasswordReset, requestPasswordReset, resetPassword } from "./password-reset";
import { closeResetLimiter } from "./reset-limiter";
import { signIn } from "./sign-in";
import { closeSignInLimiter } from "./sign-in-limiter";

let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await smtp.close();
  await closeSignInLimiter();
  await closeResetLimiter();
});
beforeEach(() => {
  process.env.SEGEL_SIGNIN_DELAY_MS_PER_FAILURE = "0";
});

const NEW_PASSWORD = "hujan deras di kota bogor";
let ipSeq = 0;
/** Each test asks from its own address, so the per-address limit is the one tested only once. */
const fromNewIp = () => ({ ip: `203.0.113.${++ipSeq}`, userAgent: "vitest" });
const signInAs = (email: string, password: string) =>
  signIn({ email, password, ip: "198.51.100.9", userAgent: "vitest" });

async function resetLinkFor(email: string): Promise<string | null> {
  await sendPendingEmails({ smtpUrl: smtp.url });
  const mail = smtp.received.filter((m) => m.to.includes(email)).at(-1);
  return (mail && /\/atur-ulang-kata-sandi\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1]) ?? null;
}

describe("requestPasswordReset and resetPassword", () => {
  it("mails a 30-minute link that sets a new password, ends every session and the other links", async () => {
    const user = await makeUser();
    const sessions = [
      (await signInAs(user.email, TEST_PASSWORD)).sessionId,
      (await signInAs(user.email, TEST_PASSWORD)).sessionId,
    ];
    const context = fromNewIp();
    await requestPasswordReset({ email: user.email.toUpperCase() }, context);
    const token = (await resetLinkFor(user.email))!;
    expect(token).toBeTruthy();
    const invitation = await db.$transaction((tx) => issueAccountToken(tx, { userId: user.id, kind: "INVITATION" }));

    expect(await findPasswordReset(token)).toEqual({ name: user.name, email: user.email });
    await resetPassword({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });

    for (const id of sessions) expect(await loadSessionActor(id)).toBeNull();
    await expect(signInAs(user.email, TEST_PASSWORD)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(signInAs(user.email, NEW_PASSWORD)).resolves.toMatchObject({ userId: user.id });
    await expect(resetPassword({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).rejects.toMatchObject(
      {
        messageKey: "accountTokenInvalid",
      },
    );
    expect(await db.accountToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
    expect(invitation).toBeTruthy();
    const actions = (
      await db.auditEvent.findMany({ where: { entityId: user.id }, select: { action: true, data: true } })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["user.passwordResetRequested", "auth.sessionsRevoked", "user.passwordReset"]),
    );
    // the owner is told, and no mail or event holds the password
    await sendPendingEmails({ smtpUrl: smtp.url });
    const all = smtp.received.filter((m) => m.to.includes(user.email));
    expect(all.some((m) => m.subject.includes("telah diubah"))).toBe(true);
    expect(JSON.stringify(all)).not.toContain(NEW_PASSWORD);
  });

  it("answers an unknown e-mail exactly as a known one, and mails nothing", async () => {
    const before = await db.emailOutbox.count();
    const tokensBefore = await db.accountToken.count();
    await expect(requestPasswordReset({ email: "tidak.ada@pu.go.id" }, fromNewIp())).resolves.toBeUndefined();
    expect(await db.emailOutbox.count()).toBe(before);
    expect(await db.accountToken.count()).toBe(tokensBefore);
  });

  it("gives a disabled user no link, and a link issued before disabling does nothing", async () => {
    const user = await makeUser();
    const token = await db.$transaction((tx) => issueAccountToken(tx, { userId: user.id, kind: "PASSWORD_RESET" }));
    await db.user.update({ where: { id: user.id }, data: { isDisabled: true } });
    const before = await db.emailOutbox.count({ where: { to: user.email } });
    await expect(requestPasswordReset({ email: user.email }, fromNewIp())).resolves.toBeUndefined();
    expect(await db.emailOutbox.count({ where: { to: user.email } })).toBe(before);
    expect(await findPasswordReset(token)).toBeNull();
    await expect(resetPassword({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).rejects.toMatchObject(
      {
        messageKey: "accountTokenInvalid",
      },
    );
  });

  it("refuses an expired link and an invitation link, and a bad password spends nothing", async () => {
    const user = await makeUser();
    const token = await db.$transaction((tx) => issueAccountToken(tx, { userId: user.id, kind: "PASSWORD_RESET" }));
    for (const bad of ["x".repeat(10_000), "pendek", "kata\u0000sandi panjang sekali"]) {
      await expect(resetPassword({ token, password: bad, passwordConfirm: bad })).rejects.toMatchObject({
        code: "VALIDATION",
      });
    }
    expect(await findPasswordReset(token)).not.toBeNull();
    const invitation = await db.$transaction((tx) => issueAccountToken(tx, { userId: user.id, kind: "INVITATION" }));
    await expect(
      resetPassword({ token: invitation, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }),
    ).rejects.toMatchObject({ messageKey: "accountTokenInvalid" });
    // 31 minutes later (the stored expiry moved, not the wall clock)
    await db.$executeRaw`UPDATE "AccountToken" SET "createdAt" = "createdAt" - interval '31 minutes', "expiresAt" = "expiresAt" - interval '31 minutes' WHERE "userId" = ${user.id}::uuid AND kind = 'PASSWORD_RESET'`;
    await expect(resetPassword({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).rejects.toMatchObject(
      {
        messageKey: "accountTokenInvalid",
      },
    );
    await expect(signInAs(user.email, TEST_PASSWORD)).resolves.toMatchObject({ userId: user.id });
  });

  it("limits requests per e-mail, known or not, and per address", async () => {
    const user = await makeUser();
    for (const email of [user.email, "orang.lain.tidak.terdaftar@pu.go.id"]) {
      for (let i = 0; i < 3; i++) await requestPasswordReset({ email }, fromNewIp());
      await expect(requestPasswordReset({ email }, fromNewIp())).rejects.toMatchObject({
        code: "RATE_LIMITED",
        messageKey: "passwordResetLimited",
      });
    }
    expect(await db.emailOutbox.count({ where: { to: user.email } })).toBe(3);
    const office = fromNewIp();
    for (let i = 0; i < 20; i++) await requestPasswordReset({ email: `tamu-${i}@contoh.test` }, office);
    await expect(requestPasswordReset({ email: "tamu-lagi@contoh.test" }, office)).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });
});
