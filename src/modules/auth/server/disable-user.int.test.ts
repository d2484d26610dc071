import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { actorFor, makeActor, makeAgency, makeUser, TEST_PASSWORD } from "../../../../tests/factories";
import { db } from "@/server/db";
import { disableUser } from "./disable-user";
import { enableUser } from "./enable-user";
import { findUsers } from "./find-users";
import { loadSessionActor } from "./load-session-actor";
import { signIn } from "./sign-in";
import { closeSignInLimiter } from "./sign-in-limiter";

beforeEach(() => {
  process.env.SEGEL_SIGNIN_DELAY_MS_PER_FAILURE = "0";
});
afterAll(closeSignInLimiter);

const openSession = async (email: string) =>
  (await signIn({ email, password: TEST_PASSWORD, ip: "198.51.100.20", userAgent: "vitest" })).sessionId;

async function staffOf(agencyId: string) {
  const user = await makeUser([{ role: "PPK", agencyId }]);
  return { user, sessionIds: [await openSession(user.email), await openSession(user.email)] };
}

async function expectUnchanged(userId: string, sessionIds: string[]) {
  expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).isDisabled).toBe(false);
  for (const id of sessionIds) expect(await loadSessionActor(id)).not.toBeNull();
  expect(await db.auditEvent.count({ where: { action: "user.disabled" } })).toBe(0);
}

describe("disableUser", () => {
  it("disables the user, kills every session at once and records the reason", async () => {
    const agency = await makeAgency();
    const { user, sessionIds } = await staffOf(agency.id);
    const admin = await makeActor("ADMIN_LPSE");

    await expect(disableUser(admin, { userId: user.id, reason: "Pindah tugas" })).resolves.toEqual({
      revokedSessions: 2,
    });

    for (const id of sessionIds) expect(await loadSessionActor(id)).toBeNull();
    await expect(openSession(user.email)).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "accountDisabled" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.disabled", entityId: user.id } });
    expect(event).toMatchObject({
      actorId: admin.userId,
      entityType: "User",
      data: { reason: "Pindah tugas", revokedSessions: 2 },
    });
  });

  it("refuses a caller without user.disable and changes nothing", async () => {
    const agency = await makeAgency();
    const { user, sessionIds } = await staffOf(agency.id);
    const ppk = await makeActor("PPK", agency.id);
    await expect(disableUser(ppk, { userId: user.id, reason: "coba" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expectUnchanged(user.id, sessionIds);
  });

  it("keeps an agency admin inside their own agency", async () => {
    const [own, other] = [await makeAgency(), await makeAgency()];
    const agencyAdmin = await makeActor("ADMIN_AGENCY", own.id);
    const stranger = await staffOf(other.id);
    await expect(disableUser(agencyAdmin, { userId: stranger.user.id, reason: "coba" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expectUnchanged(stranger.user.id, stranger.sessionIds);

    const lpseAdmin = await makeUser([{ role: "ADMIN_LPSE" }]);
    await expect(disableUser(agencyAdmin, { userId: lpseAdmin.id, reason: "coba" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const colleague = await staffOf(own.id);
    await expect(disableUser(agencyAdmin, { userId: colleague.user.id, reason: "Cuti panjang" })).resolves.toEqual({
      revokedSessions: 2,
    });
  });

  it("does not let an admin disable themselves, nor disable twice", async () => {
    const adminUser = await makeUser([{ role: "ADMIN_LPSE" }]);
    const admin = actorFor(adminUser);
    await expect(disableUser(admin, { userId: adminUser.id, reason: "coba" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const target = await makeUser([], { isDisabled: true });
    await expect(disableUser(admin, { userId: target.id, reason: "lagi" })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(
      disableUser(admin, { userId: "00000000-0000-4000-8000-000000000000", reason: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("enableUser", () => {
  it("lets the user sign in again and records user.enabled", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const target = await makeUser([], { isDisabled: true });
    await enableUser(admin, { userId: target.id, reason: "Kembali bertugas" });
    await expect(openSession(target.email)).resolves.toEqual(expect.any(String));
    expect(await db.auditEvent.count({ where: { action: "user.enabled", entityId: target.id } })).toBe(1);
    await expect(enableUser(admin, { userId: target.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("refuses the wrong role", async () => {
    const target = await makeUser([], { isDisabled: true });
    await expect(enableUser(await makeActor("AUDITOR"), { userId: target.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).isDisabled).toBe(true);
  });
});

describe("findUsers", () => {
  it("lists for an agency admin only the users wholly in their agency, without secrets", async () => {
    const [own, other] = [await makeAgency({ name: "Kabupaten Sendiri" }), await makeAgency()];
    const agencyAdmin = await makeActor("ADMIN_AGENCY", own.id);
    const inside = await makeUser([
      { role: "PPK", agencyId: own.id },
      { role: "POKJA", agencyId: own.id },
    ]);
    await makeUser([{ role: "PPK", agencyId: other.id }]);
    await makeUser([
      { role: "PPK", agencyId: own.id },
      { role: "PPK", agencyId: other.id },
    ]);
    await makeUser([{ role: "ADMIN_LPSE" }]);

    const rows = await findUsers(agencyAdmin);
    expect(rows).toEqual([
      {
        id: inside.id,
        name: inside.name,
        email: inside.email,
        isDisabled: false,
        roles: ["PPK", "POKJA"],
        agencyNames: ["Kabupaten Sendiri"],
      },
    ]);
    expect(Object.keys(rows[0]!)).not.toContain("passwordHash");
  });

  it("lists everyone but the LPSE admin themselves, and refuses other roles", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const someone = await makeUser([{ role: "AUDITOR" }]);
    expect((await findUsers(admin)).map((u) => u.id)).toEqual([someone.id]);
    await expect(findUsers(await makeActor("PPK", (await makeAgency()).id))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
