import { describe, expect, it } from "vitest";
import { actorFor, makeActor, makeUser } from "../../../../tests/factories";
import { loadSessionActor } from "@/modules/auth";
import { db, dbNow } from "@/server/db";
import { endOtherSessions } from "./end-other-sessions";
import { endSession } from "./end-session";

/** A session row as sign-in opens one, 8 hours long by the database clock. */
async function openSession(userId: string, userAgent = "vitest") {
  const now = await dbNow();
  const session = await db.userSession.create({
    data: { userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 8 * 3600_000), userAgent },
    select: { id: true },
  });
  return session.id;
}

async function signedIn() {
  const user = await makeUser([{ role: "VERIFIKATOR" }]);
  const current = await openSession(user.id);
  return { user, current, actor: { ...actorFor(user), sessionId: current } };
}

const revoked = async (id: string) =>
  (await db.userSession.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } })).revokedAt;

describe("endSession", () => {
  it("ends one of the owner's sessions at once and records auth.sessionEnded", async () => {
    const { user, actor } = await signedIn();
    const phone = await openSession(user.id, "phone");
    expect(await endSession(actor, phone)).toEqual({ ended: true });
    expect(await revoked(phone)).not.toBeNull();
    expect(await loadSessionActor(phone)).toBeNull();
    const events = await db.auditEvent.findMany({ where: { action: "auth.sessionEnded" } });
    expect(events).toMatchObject([
      { actorId: user.id, entityType: "User", entityId: user.id, data: { sessionId: phone, isCurrent: false } },
    ]);
    // again: already over, nothing more recorded
    expect(await endSession(actor, phone)).toEqual({ ended: false });
    expect(await db.auditEvent.count({ where: { action: "auth.sessionEnded" } })).toBe(1);
  });

  it("refuses another user's session as if it did not exist, and leaves it open", async () => {
    const { actor } = await signedIn();
    const victim = await makeUser();
    const theirs = await openSession(victim.id);
    await expect(endSession(actor, theirs)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(endSession(actor, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await revoked(theirs)).toBeNull();
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("does not let the Auditor end someone's session", async () => {
    const auditor = await makeActor("AUDITOR");
    const user = await makeUser();
    const theirs = await openSession(user.id);
    await expect(endSession(auditor, theirs)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await revoked(theirs)).toBeNull();
  });

  it("refuses a session still waiting for its second factor", async () => {
    const { user, actor } = await signedIn();
    const other = await openSession(user.id);
    const pending = { ...actor, memberships: [], pending: "secondFactor" as const };
    await expect(endSession(pending, other)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(endOtherSessions(pending)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await revoked(other)).toBeNull();
  });
});

describe("endOtherSessions", () => {
  it("ends every other open session of the owner, keeps this one and other users', in one event", async () => {
    const { user, current, actor } = await signedIn();
    const laptop = await openSession(user.id, "laptop");
    const phone = await openSession(user.id, "phone");
    const alreadyOver = await openSession(user.id, "old");
    await db.userSession.update({ where: { id: alreadyOver }, data: { revokedAt: await dbNow() } });
    const stranger = await makeUser();
    const strangers = await openSession(stranger.id);

    expect(await endOtherSessions(actor)).toEqual({ ended: 2 });
    expect(await revoked(current)).toBeNull();
    expect(await revoked(strangers)).toBeNull();
    expect(await revoked(laptop)).not.toBeNull();
    expect(await revoked(phone)).not.toBeNull();
    const [event] = await db.auditEvent.findMany({ where: { action: "auth.otherSessionsEnded" } });
    expect(event).toMatchObject({ actorId: user.id, entityId: user.id, data: { kept: current } });
    expect((event!.data as { sessionIds: string[] }).sessionIds.sort()).toEqual([laptop, phone].sort());
    expect(await loadSessionActor(current)).not.toBeNull();
  });

  it("writes nothing when no other session is open", async () => {
    const { actor } = await signedIn();
    expect(await endOtherSessions(actor)).toEqual({ ended: 0 });
    expect(await db.auditEvent.count()).toBe(0);
  });
});
