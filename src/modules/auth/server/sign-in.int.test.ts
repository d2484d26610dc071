import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { makeUser, TEST_PASSWORD } from "../../../../tests/factories";
import { db } from "@/server/db";
import { loadSessionActor } from "./load-session-actor";
import { signIn } from "./sign-in";
import { closeSignInLimiter } from "./sign-in-limiter";

// The limiter's counters outlive the per-test truncation (own schema), so each test
// uses fresh e-mails (the factory) and a fresh IP.
let ip = "";
const attempt = (email: string, password: string, from = ip) => signIn({ email, password, ip: from, userAgent: "vitest" });
const auditActions = async (entityId: string) =>
  (await db.auditEvent.findMany({ where: { entityId }, orderBy: { seq: "asc" }, select: { action: true, data: true } }));

beforeEach(() => {
  process.env.SEGEL_SIGNIN_DELAY_MS_PER_FAILURE = "0";
  ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
});
afterAll(closeSignInLimiter);

describe("signIn", () => {
  it("opens a live 8-hour session, notes the login and records auth.signIn", async () => {
    const user = await makeUser([{ role: "AUDITOR" }]);
    const { sessionId, userId } = await attempt(user.email.toUpperCase(), TEST_PASSWORD);

    expect(userId).toBe(user.id);
    const session = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.revokedAt).toBeNull();
    expect(session.ip).toBe(ip);
    const hours = (session.expiresAt.getTime() - session.createdAt.getTime()) / 3_600_000;
    expect(hours).toBe(8);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();

    const actor = await loadSessionActor(sessionId);
    expect(actor).toMatchObject({ userId: user.id, sessionId, memberships: [{ role: "AUDITOR", agencyId: null }] });
    expect(await auditActions(user.id)).toEqual([{ action: "auth.signIn", data: { sessionId } }]);
  });

  it("refuses a wrong password and records why", async () => {
    const user = await makeUser();
    await expect(attempt(user.email, "salah")).rejects.toMatchObject({ code: "UNAUTHENTICATED", messageKey: "badCredentials" });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    const [event] = await auditActions(user.id);
    expect(event).toMatchObject({ action: "auth.signInFailed", data: { reason: "badCredentials", failures: 1, ip } });
  });

  it("answers an unknown e-mail exactly like a wrong password", async () => {
    await expect(attempt(`tidak-ada-${randomUUID()}@uji.segel.test`, TEST_PASSWORD)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      messageKey: "badCredentials",
    });
    expect(await db.userSession.count()).toBe(0);
  });

  it("locks the account after 5 failures, even against the right password", async () => {
    const user = await makeUser();
    for (let i = 1; i <= 4; i++) {
      await expect(attempt(user.email, `salah-${i}`)).rejects.toMatchObject({ messageKey: "badCredentials" });
    }
    await expect(attempt(user.email, "salah-5")).rejects.toMatchObject({ code: "RATE_LIMITED", messageKey: "accountLocked", values: { minutes: 15 } });
    // from another address too: the lock belongs to the account
    await expect(attempt(user.email, TEST_PASSWORD, "192.0.2.99")).rejects.toMatchObject({ code: "RATE_LIMITED", messageKey: "accountLocked" });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    const actions = (await auditActions(user.id)).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.signInFailed")).toHaveLength(5);
    expect(actions).toContain("auth.locked");
  });

  it("locks unknown e-mails the same way, so locking reveals no account", async () => {
    const email = `tidak-ada-${randomUUID()}@uji.segel.test`;
    for (let i = 1; i <= 4; i++) await expect(attempt(email, "x")).rejects.toMatchObject({ messageKey: "badCredentials" });
    await expect(attempt(email, "x")).rejects.toMatchObject({ messageKey: "accountLocked" });
  });

  it("ends the failure streak on a successful sign-in", async () => {
    const user = await makeUser();
    for (let i = 0; i < 4; i++) await expect(attempt(user.email, "salah")).rejects.toMatchObject({ messageKey: "badCredentials" });
    await attempt(user.email, TEST_PASSWORD);
    for (let i = 0; i < 4; i++) await expect(attempt(user.email, "salah")).rejects.toMatchObject({ messageKey: "badCredentials" });
  });

  it("locks an IP after 20 failures in 15 minutes", async () => {
    for (let i = 1; i <= 19; i++) {
      await expect(attempt(`acak-${randomUUID()}@uji.segel.test`, "x")).rejects.toMatchObject({ messageKey: "badCredentials" });
    }
    await expect(attempt(`acak-${randomUUID()}@uji.segel.test`, "x")).rejects.toMatchObject({ code: "RATE_LIMITED", messageKey: "ipLocked", values: { minutes: 15 } });
    const user = await makeUser();
    await expect(attempt(user.email, TEST_PASSWORD)).rejects.toMatchObject({ messageKey: "ipLocked" });
    // the same account from elsewhere is fine
    await expect(attempt(user.email, TEST_PASSWORD, "192.0.2.77")).resolves.toMatchObject({ userId: user.id });
    expect(await db.auditEvent.count({ where: { action: "auth.locked", entityType: "IpAddress", entityId: ip } })).toBe(1);
  });

  it("does not count successful sign-ins against the IP", async () => {
    const user = await makeUser();
    for (let i = 0; i < 21; i++) await attempt(user.email, TEST_PASSWORD);
  });

  it("refuses a disabled user with the right password, and says nothing with a wrong one", async () => {
    const user = await makeUser([], { isDisabled: true });
    await expect(attempt(user.email, TEST_PASSWORD)).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "accountDisabled" });
    await expect(attempt(user.email, "salah")).rejects.toMatchObject({ messageKey: "badCredentials" });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    expect((await auditActions(user.id))[0]).toMatchObject({ action: "auth.signInFailed", data: { reason: "accountDisabled" } });
  });

  it("delays failed replies from the third consecutive failure", async () => {
    process.env.SEGEL_SIGNIN_DELAY_MS_PER_FAILURE = "250";
    const user = await makeUser();
    const timed = async () => {
      const start = performance.now();
      await attempt(user.email, "salah").catch(() => undefined);
      return performance.now() - start;
    };
    // wide margins: a loaded CI machine may be slow, never fast
    expect(await timed()).toBeLessThan(750);
    await timed();
    expect(await timed()).toBeGreaterThanOrEqual(750);
  });
});
