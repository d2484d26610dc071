import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { actorFor, makeUser, TEST_PASSWORD } from "@/tests/factories";
import { db } from "@/server/db";
import { changePassword } from "./change-password";
import { loadSessionActor } from "./load-session-actor";
import { signIn } from "./sign-in";
import { closeSignInLimiter } from "./sign-in-limiter";

beforeEach(() => {
  process.env.SEGEL_SIGNIN_DELAY_MS_PER_FAILURE = "0";
});
afterAll(closeSignInLimiter);

const NEW_PASSWORD = "sepeda ontel kakek masih jalan";
const signInAs = (email: string, password: string) =>
  signIn({ email, password, ip: "198.51.100.30", userAgent: "vitest" });

async function signedIn() {
  const user = await makeUser();
  const sessions = [
    (await signInAs(user.email, TEST_PASSWORD)).sessionId,
    (await signInAs(user.email, TEST_PASSWORD)).sessionId,
  ];
  return { user, sessions, actor: { ...actorFor(user), sessionId: sessions[0]!, ip: "198.51.100.31" } };
}

describe("changePassword", () => {
  it("needs the current password, then ends every session, this one included, and tells the owner", async () => {
    const { user, sessions, actor } = await signedIn();
    await changePassword(actor, {
      currentPassword: TEST_PASSWORD,
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    for (const id of sessions) expect(await loadSessionActor(id)).toBeNull();
    await expect(signInAs(user.email, TEST_PASSWORD)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(signInAs(user.email, NEW_PASSWORD)).resolves.toMatchObject({ userId: user.id });
    const changed = await db.auditEvent.findFirstOrThrow({
      where: { action: "user.passwordChanged", entityId: user.id },
    });
    expect(changed).toMatchObject({ actorId: user.id, data: { sessionsEnded: 2 } });
    const notice = await db.emailOutbox.findFirstOrThrow({ where: { to: user.email } });
    expect(notice.subject).toContain("telah diubah");
    expect(notice.text).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(changed.data)).not.toContain(NEW_PASSWORD);
  });

  it("refuses a wrong current password and a new one the policy refuses, changing nothing", async () => {
    const { user, sessions, actor } = await signedIn();
    const hash = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    await expect(
      changePassword(actor, { currentPassword: "salah sekali", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "currentPasswordWrong" });
    for (const bad of ["pendek", "x".repeat(10_000), "aaaaaaaaaaaaaaaaaaaa", `${user.email.split("@")[0]} baru`]) {
      await expect(
        changePassword(actor, { currentPassword: TEST_PASSWORD, password: bad, passwordConfirm: bad }),
      ).rejects.toMatchObject({ code: "VALIDATION" });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hash);
    for (const id of sessions) expect(await loadSessionActor(id)).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.passwordChanged", entityId: user.id } })).toBe(0);
  });

  it("counts wrong current passwords against the sign-in throttle, so an open session cannot guess freely", async () => {
    const { actor } = await signedIn();
    const tries = [];
    for (let i = 0; i < 7; i++) {
      tries.push(
        await changePassword(actor, {
          currentPassword: `tebakan ${i}`,
          password: NEW_PASSWORD,
          passwordConfirm: NEW_PASSWORD,
        }).catch((e: { code: string }) => e.code),
      );
    }
    expect(tries).toContain("RATE_LIMITED");
  });

  it("refuses a disabled user's leftover actor", async () => {
    const { user, actor } = await signedIn();
    await db.user.update({ where: { id: user.id }, data: { isDisabled: true } });
    await expect(
      changePassword(actor, { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
