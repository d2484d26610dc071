import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { makeUser, TEST_PASSWORD } from "../../../../tests/factories";
import { db } from "@/server/db";
import { loadSessionActor } from "./load-session-actor";
import { signIn } from "./sign-in";
import { isHashQueueFull, timingDummyHash, verifyPassword } from "./password";
import { closeSignInLimiter, pairKey } from "./sign-in-limiter";

/**
 * A failed reply's pause is a timer (node:timers/promises), and the test must not wait on
 * the wall clock. While `held` is a list, each pause is noted there with its length, and
 * one longer than 0 ms passes only when the test says so; otherwise timers run as usual.
 */
const pauses = vi.hoisted(() => ({ held: null as { ms: number; pass: () => void }[] | null }));
vi.mock("node:timers/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:timers/promises")>();
  const setTimeout = <T>(ms = 0, value?: T): Promise<T | undefined> => {
    if (!pauses.held) return real.setTimeout(ms, value);
    const paused = new Promise<T | undefined>((resolve) => pauses.held!.push({ ms, pass: () => resolve(value) }));
    if (ms <= 0) pauses.held.at(-1)!.pass();
    return paused;
  };
  return { ...real, default: { ...real, setTimeout }, setTimeout };
});

/** Every argon2 verify, counted on its way to the real one. */
const argon2 = vi.hoisted(() => ({ verifies: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, verify: (...args: Parameters<typeof real.verify>) => (argon2.verifies++, real.verify(...args)) };
});

// The limiter's counters outlive the per-test truncation (own schema), so each test
// uses fresh e-mails (the factory) and a fresh IP.
let ip = "";
const attempt = (email: string, password: string, from = ip) =>
  signIn({ email, password, ip: from, userAgent: "vitest" });
const auditActions = async (entityId: string) =>
  await db.auditEvent.findMany({ where: { entityId }, orderBy: { seq: "asc" }, select: { action: true, data: true } });

/** Ends the pair's pause as if its minutes had passed (the counters use the app's clock). */
const endPause = (email: string, from = ip) =>
  db.$executeRaw`UPDATE rate_limit.sign_in SET expire = 1 WHERE key = ${`pause:${pairKey(email, from)}`}`;
const limiterRows = async () =>
  Number(
    (await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM rate_limit.sign_in WHERE key LIKE ${`%${ip}`}`)[0]!
      .n,
  );

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
    expect(await auditActions(user.id)).toEqual([{ action: "auth.signIn", data: { sessionId, method: "password" } }]);
  });

  it("refuses a wrong password and records why", async () => {
    const user = await makeUser();
    await expect(attempt(user.email, "salah")).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      messageKey: "badCredentials",
    });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    const [event] = await auditActions(user.id);
    expect(event).toMatchObject({
      action: "auth.signInFailed",
      data: { reason: "badCredentials", tries: 1, pauseSeconds: 0, ip },
    });
  });

  it("answers an unknown e-mail exactly like a wrong password, after the same hashing work", async () => {
    const user = await makeUser();
    await timingDummyHash();
    const verifiesFor = async (email: string) => {
      const before = argon2.verifies;
      await expect(attempt(email, TEST_PASSWORD + "x")).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
        messageKey: "badCredentials",
      });
      return argon2.verifies - before;
    };
    // one argon2 verify each, so the reply's time does not tell which e-mails are registered
    expect(await verifiesFor(user.email)).toBe(1);
    expect(await verifiesFor(`tidak-ada-${randomUUID()}@uji.segel.test`)).toBe(1);
    expect(await db.userSession.count()).toBe(0);
  });

  it("does not let a rival at another address lock the owner out, however long they guess", async () => {
    const user = await makeUser();
    const rival = "203.0.113.66";
    for (let i = 1; i <= 12; i++) await attempt(user.email, `tebakan-${i}`, rival).catch(() => undefined);
    await expect(attempt(user.email, TEST_PASSWORD)).resolves.toMatchObject({ userId: user.id });
  });

  it("slows the rival with pauses that grow, and hears no password during one", async () => {
    const user = await makeUser();
    for (let i = 1; i <= 5; i++) {
      await expect(attempt(user.email, `salah-${i}`)).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
        messageKey: "badCredentials",
      });
    }
    // even the right password is not checked during the pause, so guessing in it tells nothing
    await expect(attempt(user.email, TEST_PASSWORD)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "signInPaused",
      values: { minutes: 1 },
    });
    await endPause(user.email);
    await expect(attempt(user.email, "salah-7")).rejects.toMatchObject({ messageKey: "badCredentials" });
    // the refused try counted too: the 7th try opened a pause of 4 minutes
    await expect(attempt(user.email, "salah-8")).rejects.toMatchObject({
      messageKey: "signInPaused",
      values: { minutes: 4 },
    });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    const failures = (await auditActions(user.id)).filter((e) => e.action === "auth.signInFailed");
    expect(failures.map((e) => (e.data as { pauseSeconds: number }).pauseSeconds)).toEqual([0, 0, 0, 0, 60, 240]);
  });

  it("pauses unknown e-mails the same way, so a pause reveals no account", async () => {
    const email = `tidak-ada-${randomUUID()}@uji.segel.test`;
    for (let i = 1; i <= 5; i++)
      await expect(attempt(email, "x")).rejects.toMatchObject({ messageKey: "badCredentials" });
    await expect(attempt(email, "x")).rejects.toMatchObject({ messageKey: "signInPaused", values: { minutes: 1 } });
  });

  it("ends the streak and its pause on a successful sign-in", async () => {
    const user = await makeUser();
    for (let i = 0; i < 5; i++)
      await expect(attempt(user.email, "salah")).rejects.toMatchObject({ messageKey: "badCredentials" });
    await endPause(user.email);
    await attempt(user.email, TEST_PASSWORD);
    for (let i = 0; i < 5; i++)
      await expect(attempt(user.email, "salah")).rejects.toMatchObject({ messageKey: "badCredentials" });
  });

  it("turns sign-ins away at once, uncounted, while the password hashing queue is full", async () => {
    const user = await makeUser();
    const dummy = await timingDummyHash();
    const flood: Promise<unknown>[] = [];
    while (!isHashQueueFull()) flood.push(verifyPassword(dummy, "x"));
    // one more verify past the queue is refused without hashing
    await expect(verifyPassword(dummy, "x")).rejects.toMatchObject({ code: "RATE_LIMITED", messageKey: "signInBusy" });
    await expect(attempt(user.email, TEST_PASSWORD)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "signInBusy",
    });
    await Promise.all(flood);
    expect(await limiterRows()).toBe(0);
    // the queue drained; the owner signs in
    await expect(attempt(user.email, TEST_PASSWORD)).resolves.toMatchObject({ userId: user.id });
  });

  it("locks an IP after 20 failures in 15 minutes", async () => {
    for (let i = 1; i <= 19; i++) {
      await expect(attempt(`acak-${randomUUID()}@uji.segel.test`, "x")).rejects.toMatchObject({
        messageKey: "badCredentials",
      });
    }
    await expect(attempt(`acak-${randomUUID()}@uji.segel.test`, "x")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "ipLocked",
      values: { minutes: 15 },
    });
    const user = await makeUser();
    await expect(attempt(user.email, TEST_PASSWORD)).rejects.toMatchObject({ messageKey: "ipLocked" });
    // the same account from elsewhere is fine
    await expect(attempt(user.email, TEST_PASSWORD, "192.0.2.77")).resolves.toMatchObject({ userId: user.id });
    expect(await db.auditEvent.count({ where: { action: "auth.locked", entityType: "IpAddress", entityId: ip } })).toBe(
      1,
    );
  });

  it("does not count successful sign-ins against the IP", async () => {
    const user = await makeUser();
    for (let i = 0; i < 21; i++) await attempt(user.email, TEST_PASSWORD);
  });

  it("refuses a disabled user with the right password, and says nothing with a wrong one", async () => {
    const user = await makeUser([], { isDisabled: true });
    await expect(attempt(user.email, TEST_PASSWORD)).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "accountDisabled",
    });
    await expect(attempt(user.email, "salah")).rejects.toMatchObject({ messageKey: "badCredentials" });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    expect((await auditActions(user.id))[0]).toMatchObject({
      action: "auth.signInFailed",
      data: { reason: "accountDisabled" },
    });
  });

  it("delays failed replies from the third consecutive failure", async () => {
    process.env.SEGEL_SIGNIN_DELAY_MS_PER_FAILURE = "1500";
    const user = await makeUser();
    const fail = () => attempt(user.email, "salah").catch(() => "replied");
    pauses.held = [];
    try {
      // the first two failures: no pause
      expect(await fail()).toBe("replied");
      expect(await fail()).toBe("replied");
      expect(pauses.held.map((p) => p.ms)).toEqual([0, 0]);
      // the third in a row: three steps, and no reply until they have passed
      const third = fail();
      await expect.poll(() => pauses.held!.length, { timeout: 30_000 }).toBe(3);
      expect(pauses.held[2]!.ms).toBe(4500);
      let isAnswered = false;
      void third.then(() => (isAnswered = true));
      await new Promise((resolve) => setImmediate(resolve));
      expect(isAnswered).toBe(false);
      pauses.held[2]!.pass();
      expect(await third).toBe("replied");
    } finally {
      pauses.held = null;
    }
  });
});
