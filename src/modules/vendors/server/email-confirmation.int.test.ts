import { describe, expect, it } from "vitest";
import { issueAccountToken } from "@/modules/auth";
import { db } from "@/server/db";
import { actorFor, makeActor, makeVendor, makeVendorUser, vendorRegistrationInput } from "@/tests/factories";
import { completeVendorProfile } from "../testing/complete-profile";
import { confirmEmail, resendEmailConfirmation } from "./email-confirmation";
import { registerVendor } from "./register-vendor";
import { submitVendor } from "./submit-vendor";

/** The token of the latest confirmation mail to `to`, read from the outbox as the SMTP worker would send it. */
async function mailedToken(to: string): Promise<string> {
  const mail = await db.emailOutbox.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const token = /\/konfirmasi-email\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no confirmation link in: ${mail.text}`);
  return token;
}

const verifiedAt = async (userId: string) =>
  (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } })).emailVerifiedAt;

describe("a vendor user's e-mail confirmation", () => {
  it("is mailed at registration with a one-use link stored only as a hash, and confirms once", async () => {
    const input = vendorRegistrationInput();
    const { userId } = await registerVendor(null, input);
    expect(await verifiedAt(userId)).toBeNull();
    const token = await mailedToken(input.userEmail);
    const stored = await db.accountToken.findFirstOrThrow({ where: { userId, kind: "EMAIL_CONFIRMATION" } });
    expect(Buffer.from(stored.tokenHash).toString("base64url")).not.toBe(token);
    const audit = await db.auditEvent.findMany({ select: { data: true } });
    expect(JSON.stringify(audit)).not.toContain(token);

    expect(await confirmEmail({ token })).toEqual({ email: input.userEmail });
    expect(await verifiedAt(userId)).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { action: "user.emailConfirmed", entityId: userId } })).toBe(1);
    await expect(confirmEmail({ token })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "accountTokenInvalid",
    });
    expect(await db.auditEvent.count({ where: { action: "user.emailConfirmed" } })).toBe(1);
  });

  it("refuses an expired link, another kind's link and a malformed one, changing nothing", async () => {
    const input = vendorRegistrationInput();
    const { userId } = await registerVendor(null, input);
    const token = await mailedToken(input.userEmail);
    // the link was issued three days ago: its two days have passed (no waiting on the wall clock)
    await db.$executeRaw`UPDATE "AccountToken" SET "createdAt" = "createdAt" - interval '3 days',
      "expiresAt" = "expiresAt" - interval '3 days' WHERE "userId" = ${userId}::uuid`;
    await expect(confirmEmail({ token })).rejects.toMatchObject({ messageKey: "accountTokenInvalid" });
    const reset = await db.$transaction((tx) => issueAccountToken(tx, { userId, kind: "PASSWORD_RESET" }));
    await expect(confirmEmail({ token: reset })).rejects.toMatchObject({ messageKey: "accountTokenInvalid" });
    for (const bad of ["", "x".repeat(10_000), '\'; DROP TABLE "User"; --'])
      await expect(confirmEmail({ token: bad })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await verifiedAt(userId)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.emailConfirmed" } })).toBe(0);
  });

  it("keeps the profile from being sent until the address is confirmed", async () => {
    const input = vendorRegistrationInput();
    const { vendorId, userId } = await registerVendor(null, input);
    await completeVendorProfile(vendorId);
    const actor = actorFor(await db.user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } }));
    await expect(submitVendor(actor)).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "vendorEmailNotConfirmed",
    });
    expect((await db.vendor.findUniqueOrThrow({ where: { id: vendorId } })).submittedAt).toBeNull();
    await confirmEmail({ token: await mailedToken(input.userEmail) });
    expect((await submitVendor(actor)).submittedAt).toBeInstanceOf(Date);
  });

  it("resends a new link that voids the older one, at most three an hour, only to an unconfirmed vendor user", async () => {
    const input = vendorRegistrationInput();
    const { userId } = await registerVendor(null, input);
    const actor = actorFor(await db.user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } }));
    const first = await mailedToken(input.userEmail);
    await resendEmailConfirmation(actor);
    const second = await mailedToken(input.userEmail);
    expect(second).not.toBe(first);
    await expect(confirmEmail({ token: first })).rejects.toMatchObject({ messageKey: "accountTokenInvalid" });
    await resendEmailConfirmation(actor);
    const mails = await db.emailOutbox.count({ where: { to: input.userEmail } });
    await expect(resendEmailConfirmation(actor)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "emailConfirmationResendLimited",
    });
    expect(await db.emailOutbox.count({ where: { to: input.userEmail } })).toBe(mails);
    // an hour later by the database's record, the limit lets one through again
    await db.$executeRaw`UPDATE "AccountToken" SET "createdAt" = "createdAt" - interval '61 minutes',
      "expiresAt" = "expiresAt" - interval '61 minutes' WHERE "userId" = ${userId}::uuid`;
    await resendEmailConfirmation(actor);
    await confirmEmail({ token: await mailedToken(input.userEmail) });
    await expect(resendEmailConfirmation(actor)).rejects.toMatchObject({ messageKey: "emailAlreadyConfirmed" });
    await expect(resendEmailConfirmation(await makeActor("VERIFIKATOR"))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const colleague = actorFor(await makeVendorUser(await makeVendor()));
    await resendEmailConfirmation(colleague);
    expect(await db.emailOutbox.count({ where: { to: colleague.email } })).toBe(1);
  });
});
