import { afterAll, describe, expect, it } from "vitest";
import { makeAgency, makeUser, paketInput, seedReference, TEST_PASSWORD } from "../../../../tests/factories";
import { loadSessionActor, signIn } from "@/modules/auth";
import { createPaket } from "@/modules/paket/server/create-paket";
import { db } from "@/server/db";
import { closeSignInLimiter } from "@/modules/auth/server/sign-in-limiter";
import { enrolTotp, openTestSession, pendingSecretOf, totpCodeAt, wrongCodeFor } from "../testing/totp";
import { confirmTotpEnrolment, startTotpEnrolment } from "./enrol-totp";
import { passSecondFactor } from "./pass-second-factor";

afterAll(closeSignInLimiter);

const sessionOf = (id: string) => db.userSession.findUniqueOrThrow({ where: { id } });
const events = (userId: string, action: string) =>
  db.auditEvent.findMany({ where: { entityId: userId, action }, orderBy: { seq: "asc" }, select: { data: true } });
const reload = async (sessionId: string) => loadSessionActor(sessionId);

describe("the sign-in's second step", () => {
  it("gives a password sign-in of a user with TOTP no power until the code, then the user's roles", async () => {
    await seedReference();
    const agency = await makeAgency();
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const { secret } = await enrolTotp(ppk.id);

    const { sessionId } = await signIn({ email: ppk.email, password: TEST_PASSWORD, ip: "10.9.8.7", userAgent: "t" });
    const pending = (await reload(sessionId))!;
    expect(pending).toMatchObject({ pending: "secondFactor", memberships: [], vendorId: null });
    // A real use case refuses it on its own: the pending actor holds no role.
    await expect(createPaket(pending, paketInput(agency))).rejects.toMatchObject({ code: "FORBIDDEN" });

    // the enrolment spent this step's code; the next step's is within the drift window
    await passSecondFactor(pending, { code: await totpCodeAt(secret, 1) });
    const full = (await reload(sessionId))!;
    expect(full.pending).toBeNull();
    expect(full.memberships).toEqual([{ role: "PPK", agencyId: agency.id }]);
    expect(await sessionOf(sessionId)).toMatchObject({ secondFactorMethod: "totp", secondFactorFailures: 0 });
    expect(await events(ppk.id, "auth.secondFactorPassed")).toEqual([{ data: { method: "totp", sessionId } }]);
    await expect(createPaket(full, paketInput(agency))).resolves.toBeTruthy();
  });

  it("refuses a code already used in its time step (replay), and a code two steps away", async () => {
    const user = await makeUser([{ role: "AUDITOR" }]);
    const { secret } = await enrolTotp(user.id);
    const first = await openTestSession(user.id);
    const code = await totpCodeAt(secret, 1);
    await passSecondFactor(first, { code });

    const second = await openTestSession(user.id);
    await expect(passSecondFactor(second, { code })).rejects.toMatchObject({ messageKey: "totpCodeWrong" });
    await expect(passSecondFactor(second, { code: await totpCodeAt(secret, 3) })).rejects.toMatchObject({
      messageKey: "totpCodeWrong",
    });
    expect((await reload(second.sessionId!))!.pending).toBe("secondFactor");
    const failed = await events(user.id, "auth.secondFactorFailed");
    expect(failed.map((e) => e.data)).toEqual([
      { method: "totp", sessionId: second.sessionId, purpose: "signIn", tries: 1, sessionEnded: false },
      { method: "totp", sessionId: second.sessionId, purpose: "signIn", tries: 2, sessionEnded: false },
    ]);
    // nothing of the code or the secret reaches the audit trail
    expect(JSON.stringify(failed)).not.toContain(code);
  });

  it("takes each recovery code once, in any case and with or without hyphens", async () => {
    const user = await makeUser([{ role: "POKJA", agencyId: (await makeAgency()).id }]);
    const { recoveryCodes } = await enrolTotp(user.id);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes)
      expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    const a = await openTestSession(user.id);
    await passSecondFactor(a, { code: recoveryCodes[0]!.toLowerCase().replaceAll("-", "") });
    expect(await sessionOf(a.sessionId!)).toMatchObject({ secondFactorMethod: "recovery" });
    const b = await openTestSession(user.id);
    await expect(passSecondFactor(b, { code: recoveryCodes[0]! })).rejects.toMatchObject({
      messageKey: "totpCodeWrong",
    });
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
    // only keyed hashes are stored: no code appears in the table
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    for (const row of stored)
      expect(Buffer.from(row.codeHash).toString("latin1")).not.toContain(recoveryCodes[1]!.slice(0, 4));
  });

  it("ends the session at the fifth wrong code and then refuses even the right one", async () => {
    const user = await makeUser([{ role: "VERIFIKATOR" }]);
    const { secret } = await enrolTotp(user.id);
    const actor = await openTestSession(user.id);
    for (let i = 1; i <= 4; i++) {
      await expect(passSecondFactor(actor, { code: await wrongCodeFor(secret) })).rejects.toMatchObject({
        code: "VALIDATION",
      });
    }
    await expect(passSecondFactor(actor, { code: await wrongCodeFor(secret) })).rejects.toMatchObject({
      messageKey: "secondFactorSessionEnded",
    });
    expect((await sessionOf(actor.sessionId!)).revokedAt).not.toBeNull();
    expect(await reload(actor.sessionId!)).toBeNull();
    await expect(passSecondFactor(actor, { code: await totpCodeAt(secret, 1) })).rejects.toMatchObject({
      messageKey: "secondFactorSessionEnded",
    });
    const last = (await events(user.id, "auth.secondFactorFailed")).at(-1);
    expect(last?.data).toMatchObject({ tries: 5, sessionEnded: true });
  });

  it("refuses tries over all of a user's sessions after ten wrong codes in 15 minutes", async () => {
    const user = await makeUser();
    const { secret } = await enrolTotp(user.id);
    const wrong = async () => wrongCodeFor(secret);
    const sessions = [await openTestSession(user.id), await openTestSession(user.id), await openTestSession(user.id)];
    for (const s of sessions.slice(0, 2))
      for (let i = 0; i < 5; i++) await passSecondFactor(s, { code: await wrong() }).catch(() => undefined);
    // the third session has had no try, yet even the right code is not checked now
    await expect(passSecondFactor(sessions[2]!, { code: await totpCodeAt(secret, 1) })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "secondFactorPaused",
    });
    expect((await sessionOf(sessions[2]!.sessionId!)).secondFactorFailures).toBe(0);
    // 16 minutes later (the stored failure times moved back instead of waiting) it may try again
    await db.$executeRaw`UPDATE "UserSession" SET "secondFactorFailedAt" = "secondFactorFailedAt" - interval '16 minutes'
      WHERE "userId" = ${user.id}::uuid AND "secondFactorFailedAt" IS NOT NULL`;
    await passSecondFactor(sessions[2]!, { code: await totpCodeAt(secret, 1) });
    expect((await reload(sessions[2]!.sessionId!))!.pending).toBeNull();
  });

  it("refuses a code from a session that owes none, and a code that is neither six digits nor a recovery code", async () => {
    const user = await makeUser();
    const { secret, actor } = await enrolTotp(user.id);
    await expect(passSecondFactor(actor, { code: await totpCodeAt(secret, 1) })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    const pending = await openTestSession(user.id);
    for (const code of ["12345", "abc", '\'; DROP TABLE "User"; --', "1".repeat(40)])
      await expect(passSecondFactor(pending, { code })).rejects.toMatchObject({ messageKey: "totpCodeFormat" });
    expect((await sessionOf(pending.sessionId!)).secondFactorFailures).toBe(0);
  });
});

describe("enrolment", () => {
  it("keeps the secret sealed, confirms only with a valid code, and completes the enrolling session", async () => {
    const user = await makeUser([{ role: "PENYEDIA" }]);
    const actor = await openTestSession(user.id);
    expect(actor.pending).toBeNull();
    await startTotpEnrolment(actor);
    const secret = await pendingSecretOf(user.id);
    const row = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { totpSecret: true, totpEnabledAt: true },
    });
    expect(row.totpEnabledAt).toBeNull();
    // an insider with a dump sees ciphertext, not the Base32 secret
    expect(Buffer.from(row.totpSecret!).toString("latin1")).not.toContain(secret);
    expect(row.totpSecret!.length).toBe(12 + secret.length + 16);

    await expect(confirmTotpEnrolment(actor, { code: await wrongCodeFor(secret) })).rejects.toMatchObject({
      messageKey: "totpCodeWrongEnrolment",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
    const { recoveryCodes } = await confirmTotpEnrolment(actor, { code: await totpCodeAt(secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(await sessionOf(actor.sessionId!)).toMatchObject({ secondFactorMethod: "enrolment" });
    expect((await reload(actor.sessionId!))!.pending).toBeNull();
    await expect(startTotpEnrolment(actor)).rejects.toMatchObject({ code: "CONFLICT" });
    const enrolled = await events(user.id, "auth.totpEnrolled");
    expect(enrolled).toEqual([{ data: { sessionId: actor.sessionId, recoveryCodes: 10 } }]);
    expect(JSON.stringify(await events(user.id, "auth.totpEnrolmentStarted"))).not.toContain(secret);
  });

  it("a secret copied into another user's row does not decrypt there", async () => {
    const [owner, victim] = [await makeUser(), await makeUser()];
    await enrolTotp(owner.id);
    const sealed = (await db.user.findUniqueOrThrow({ where: { id: owner.id } })).totpSecret!;
    await db.user.update({ where: { id: victim.id }, data: { totpSecret: sealed } });
    const victimActor = await openTestSession(victim.id);
    await expect(confirmTotpEnrolment(victimActor, { code: "123456" })).rejects.toMatchObject({
      messageKey: "totpEnrolmentNotStarted",
    });
  });
});
