import { describe, expect, it } from "vitest";
import { actorFor, makeActor, makeAgency, makeUser } from "../../../../tests/factories";
import { db } from "@/server/db";
import { findIdentities } from "./find-identities";
import { linkIdentity } from "./link-identity";
import { loadSessionActor } from "./load-session-actor";
import { signInWithIdentity } from "./sign-in-with-identity";
import { unlinkIdentity } from "./unlink-identity";

const INAPROC = "https://sso.inaproc.id";
const OTHER = "https://sso.provinsi.example.go.id";
const request = { ip: "198.51.100.30", userAgent: "vitest" };
const signInAs = (subject: string, issuer = INAPROC) => signInWithIdentity({ issuer, subject, ...request });
const events = (action: string) =>
  db.auditEvent.findMany({
    where: { action },
    orderBy: { seq: "asc" },
    select: { entityType: true, entityId: true, data: true, actorId: true },
  });

describe("signInWithIdentity", () => {
  it("opens a session for the linked user, like a password does, and records the method", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const user = await makeUser([{ role: "AUDITOR" }]);
    await linkIdentity(admin, { email: user.email.toUpperCase(), issuer: INAPROC, subject: "198701012010011001" });

    const { sessionId, userId } = await signInAs("198701012010011001");

    expect(userId).toBe(user.id);
    const session = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session).toMatchObject({ userId: user.id, ip: request.ip, revokedAt: null, secondFactorAt: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
    expect(await events("auth.signIn")).toEqual([
      { entityType: "User", entityId: user.id, actorId: user.id, data: { sessionId, method: "oidc" } },
    ]);
  });

  it("gives a staff session no power until Segel's own second factor, as for a password", async () => {
    const agency = await makeAgency();
    const admin = await makeActor("ADMIN_LPSE");
    const pokja = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    await linkIdentity(admin, { email: pokja.email, issuer: INAPROC, subject: "pokja-1" });

    // The factories make an instance with the requirement off; a new LPSE has it on (decision 0034).
    await db.lpseInstance.updateMany({ data: { requireStaffTotp: true } });
    const { sessionId } = await signInAs("pokja-1");

    // The staff TOTP requirement is on, and this user has none yet.
    expect(await loadSessionActor(sessionId)).toMatchObject({
      userId: pokja.id,
      memberships: [],
      pending: "totpEnrolment",
    });
  });

  it("refuses an identity nobody linked, creates nothing, and says which ID to pass on", async () => {
    const user = await makeUser();
    const usersBefore = await db.user.count();

    await expect(signInAs("stranger-77")).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "unlinkedIdentity",
      values: { subject: "stranger-77" },
    });

    expect(await db.user.count()).toBe(usersBefore);
    expect(await db.userSession.count()).toBe(0);
    expect(await db.externalIdentity.count()).toBe(0);
    expect(await events("auth.signInFailed")).toEqual([
      {
        entityType: "ExternalIdentity",
        entityId: "stranger-77",
        actorId: null,
        data: { reason: "unlinkedIdentity", method: "oidc", issuer: INAPROC, subject: "stranger-77", ...request },
      },
    ]);
    // Not even when the subject happens to be a user's e-mail or id: nothing is matched.
    await expect(signInAs(user.email)).rejects.toMatchObject({ messageKey: "unlinkedIdentity" });
    await expect(signInAs(user.id)).rejects.toMatchObject({ messageKey: "unlinkedIdentity" });
  });

  it("refuses the same subject from another issuer", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const user = await makeUser([{ role: "AUDITOR" }]);
    await linkIdentity(admin, { email: user.email, issuer: INAPROC, subject: "same-sub" });

    await expect(signInAs("same-sub", OTHER)).rejects.toMatchObject({ messageKey: "unlinkedIdentity" });
    await expect(signInAs("same-sub", `${INAPROC}/`)).rejects.toMatchObject({ messageKey: "unlinkedIdentity" });
    expect(await db.userSession.count()).toBe(0);
  });

  it("keeps two issuers' identities apart: each signs in as the user it is linked to", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const [a, b] = [await makeUser([{ role: "AUDITOR" }]), await makeUser([{ role: "AUDITOR" }])];
    await linkIdentity(admin, { email: a.email, issuer: INAPROC, subject: "42" });
    await linkIdentity(admin, { email: b.email, issuer: OTHER, subject: "42" });
    // and one user may hold an identity at each issuer
    await linkIdentity(admin, { email: a.email, issuer: OTHER, subject: "43" });

    expect((await signInAs("42", INAPROC)).userId).toBe(a.id);
    expect((await signInAs("42", OTHER)).userId).toBe(b.id);
    expect((await signInAs("43", OTHER)).userId).toBe(a.id);
  });

  it("refuses a disabled user's identity and records why", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const user = await makeUser([{ role: "AUDITOR" }], { isDisabled: true });
    await linkIdentity(admin, { email: user.email, issuer: INAPROC, subject: "disabled-1" });

    await expect(signInAs("disabled-1")).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "accountDisabled" });
    expect(await db.userSession.count()).toBe(0);
    expect(await events("auth.signInFailed")).toEqual([
      {
        entityType: "User",
        entityId: user.id,
        actorId: null,
        data: { reason: "accountDisabled", method: "oidc", ...request },
      },
    ]);
  });

  it("refuses absurd claims without a database error", async () => {
    for (const subject of ["", "x".repeat(10_000), "with space", "nul\u0000byte", "é"]) {
      await expect(signInAs(subject)).rejects.toMatchObject({ messageKey: "unlinkedIdentity" });
    }
    await expect(signInAs("42", "javascript:alert(1)")).rejects.toMatchObject({ messageKey: "unlinkedIdentity" });
    expect(await db.userSession.count()).toBe(0);
  });
});

describe("linkIdentity and unlinkIdentity", () => {
  it("links for the LPSE's admin only, and records who linked what", async () => {
    const agency = await makeAgency();
    const staff = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const input = { email: staff.email, issuer: INAPROC, subject: "ppk-1" };
    for (const actor of [
      await makeActor("ADMIN_AGENCY", agency.id),
      await makeActor("AUDITOR"),
      await makeActor("VERIFIKATOR"),
      actorFor(staff),
    ]) {
      await expect(linkIdentity(actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.externalIdentity.count()).toBe(0);
    expect(await events("user.identityLinked")).toEqual([]);

    const admin = await makeActor("ADMIN_LPSE");
    const { identityId } = await linkIdentity(admin, input);
    expect(await db.externalIdentity.findUniqueOrThrow({ where: { id: identityId } })).toMatchObject({
      issuer: INAPROC,
      subject: "ppk-1",
      userId: staff.id,
      linkedById: admin.userId,
    });
    expect(await events("user.identityLinked")).toEqual([
      {
        entityType: "User",
        entityId: staff.id,
        actorId: admin.userId,
        data: { identityId, issuer: INAPROC, subject: "ppk-1" },
      },
    ]);
    expect((await findIdentities(admin)).map((row) => row.subject)).toEqual(["ppk-1"]);
    await expect(findIdentities(await makeActor("ADMIN_AGENCY", agency.id))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refuses a subject already linked, a second identity at one issuer, an unknown e-mail and absurd input", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const [a, b] = [await makeUser(), await makeUser()];
    await linkIdentity(admin, { email: a.email, issuer: INAPROC, subject: "taken" });

    await expect(linkIdentity(admin, { email: b.email, issuer: INAPROC, subject: "taken" })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "identityAlreadyLinked",
      values: { name: a.name },
    });
    await expect(linkIdentity(admin, { email: a.email, issuer: INAPROC, subject: "another" })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "userAlreadyHasIdentity",
    });
    await expect(
      linkIdentity(admin, { email: "tidak-ada@uji.segel.test", issuer: INAPROC, subject: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "identityUserNotFound" });
    for (const subject of ["", "x".repeat(256), "a b", "é"]) {
      await expect(linkIdentity(admin, { email: b.email, issuer: INAPROC, subject })).rejects.toMatchObject({
        code: "VALIDATION",
      });
    }
    await expect(
      linkIdentity(admin, { email: b.email, issuer: "http://evil.example", subject: "y" }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect(await db.externalIdentity.count()).toBe(1);
  });

  it("holds the rules in PostgreSQL too, for any writer", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const [a, b] = [await makeUser(), await makeUser()];
    const row = (userId: string, subject: string, issuer = INAPROC) =>
      db.externalIdentity.create({
        data: { issuer, subject, userId, linkedById: admin.userId, createdAt: new Date() },
      });
    await row(a.id, "s1");
    await expect(row(b.id, "s1")).rejects.toThrow(/Unique constraint|issuer_subject/);
    await expect(row(a.id, "s2")).rejects.toThrow(/Unique constraint|userId_issuer/);
    await expect(row(b.id, "with space")).rejects.toThrow(/ExternalIdentity_subject_check/);
    await expect(row(b.id, "s3", "http://evil.example")).rejects.toThrow(/ExternalIdentity_issuer_check/);
  });

  it("two admins linking the same subject at once: one link, and the other hears why", async () => {
    const [admin1, admin2] = [await makeActor("ADMIN_LPSE"), await makeActor("ADMIN_LPSE")];
    const [a, b] = [await makeUser(), await makeUser()];
    const results = await Promise.allSettled([
      linkIdentity(admin1, { email: a.email, issuer: INAPROC, subject: "race" }),
      linkIdentity(admin2, { email: b.email, issuer: INAPROC, subject: "race" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db.externalIdentity.count()).toBe(1);
    expect(await events("user.identityLinked")).toHaveLength(1);
  });

  it("unlinks for the LPSE's admin only; the identity then no longer signs in", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    const user = await makeUser([{ role: "AUDITOR" }]);
    const { identityId } = await linkIdentity(admin, { email: user.email, issuer: INAPROC, subject: "leaving" });

    await expect(
      unlinkIdentity(await makeActor("ADMIN_AGENCY", (await makeAgency()).id), { identityId }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(unlinkIdentity(actorFor(user), { identityId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.externalIdentity.count()).toBe(1);

    await unlinkIdentity(admin, { identityId });
    await expect(unlinkIdentity(admin, { identityId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(signInAs("leaving")).rejects.toMatchObject({ messageKey: "unlinkedIdentity" });
    expect(await events("user.identityUnlinked")).toEqual([
      {
        entityType: "User",
        entityId: user.id,
        actorId: admin.userId,
        data: { identityId, issuer: INAPROC, subject: "leaving" },
      },
    ]);
  });
});
