import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { actorFor, makeUser, TEST_PASSWORD } from "../../../../tests/factories";
import { db } from "@/server/db";
import { loadSessionActor } from "./load-session-actor";
import { signIn } from "./sign-in";
import { closeSignInLimiter } from "./sign-in-limiter";
import { revokeSession } from "./sign-out";

beforeEach(() => {
  process.env.SEGEL_SIGNIN_DELAY_MS_PER_FAILURE = "0";
});
afterAll(closeSignInLimiter);

async function signedIn() {
  const user = await makeUser([{ role: "AUDITOR" }]);
  const { sessionId } = await signIn({
    email: user.email,
    password: TEST_PASSWORD,
    ip: "198.51.100.10",
    userAgent: "vitest",
  });
  return { user, sessionId, actor: { ...actorFor(user), sessionId } };
}

describe("loadSessionActor", () => {
  it("fills the request context in", async () => {
    const { sessionId, user } = await signedIn();
    const actor = await loadSessionActor(sessionId, { ip: "203.0.113.5", userAgent: "Firefox", locale: "en" });
    expect(actor).toMatchObject({
      userId: user.id,
      email: user.email,
      ip: "203.0.113.5",
      userAgent: "Firefox",
      locale: "en",
      vendorId: null,
    });
  });

  it("refuses unknown, malformed, expired and revoked sessions and disabled users", async () => {
    expect(await loadSessionActor("00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await loadSessionActor("not-a-uuid")).toBeNull();

    const expired = await signedIn();
    await db.userSession.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadSessionActor(expired.sessionId)).toBeNull();

    const revoked = await signedIn();
    await db.userSession.update({ where: { id: revoked.sessionId }, data: { revokedAt: new Date() } });
    expect(await loadSessionActor(revoked.sessionId)).toBeNull();

    const disabled = await signedIn();
    await db.user.update({ where: { id: disabled.user.id }, data: { isDisabled: true } });
    expect(await loadSessionActor(disabled.sessionId)).toBeNull();
  });

  it("touches lastSeenAt at most once a minute", async () => {
    const { sessionId } = await signedIn();
    const old = new Date(Date.now() - 5 * 60_000);
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: old } });
    await loadSessionActor(sessionId);
    const touched = (await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(old.getTime());
    await loadSessionActor(sessionId);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(touched);
  });
});

describe("revokeSession", () => {
  it("ends the session for good and records auth.signOut once", async () => {
    const { sessionId, actor, user } = await signedIn();
    await revokeSession(sessionId, actor);
    expect(await loadSessionActor(sessionId)).toBeNull();
    await revokeSession(sessionId, actor);
    const events = await db.auditEvent.findMany({ where: { entityId: user.id, action: "auth.signOut" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: user.id, data: { sessionId } });
  });

  it("lets nobody else end a session", async () => {
    const { sessionId } = await signedIn();
    const other = await signedIn();
    await expect(revokeSession(sessionId, other.actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await loadSessionActor(sessionId)).not.toBeNull();
  });
});
