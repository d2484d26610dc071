import { describe, expect, it } from "vitest";
import { loadSessionActor } from "@/modules/auth";
import { actorFor, makeActor, makeAgency, makeUser, makeVendor } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { addPerson } from "./add-person";
import { grantRole } from "./grant-role";
import { revokeRole } from "./revoke-role";

async function agencyWithAdmin() {
  const agency = await makeAgency();
  const admin = await makeActor("ADMIN_AGENCY", agency.id);
  return { agency, admin };
}

/** A signed-in session; the instance's staff-TOTP requirement is off so the roles show (decision 0034). */
async function sessionOf(userId: string) {
  await db.$executeRaw`UPDATE "LpseInstance" SET "requireStaffTotp" = false`;
  const now = await dbNow();
  const s = await db.userSession.create({
    data: { userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 3600_000) },
    select: { id: true },
  });
  return s.id;
}

const person = (agencyId: string, role: "PPK" | "POKJA" | "KPA" = "PPK") =>
  ({ agencyId, role, email: "  Budi.Santoso@Pemda.Go.Id ", name: "Budi Santoso" }) as const;

describe("addPerson", () => {
  it("invites a new person: a user without password, the role, the e-mail queued, both audited", async () => {
    const { agency, admin } = await agencyWithAdmin();
    const { userId, invited } = await addPerson(admin, { ...person(agency.id), email: "budi.santoso@pemda.go.id" });
    expect(invited).toBe(true);
    const grant = await db.roleMembership.findFirst({
      where: { userId },
      select: { role: true, agencyId: true, grantedById: true },
    });
    expect(grant).toEqual({ role: "PPK", agencyId: agency.id, grantedById: admin.userId });
    expect(await db.emailOutbox.count({ where: { to: "budi.santoso@pemda.go.id" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "role.granted", entityId: userId } })).toBe(1);
  });

  it("finds an existing user by e-mail whatever the capitals and spaces, in a second agency", async () => {
    const { agency: first } = await agencyWithAdmin();
    const existing = await makeUser([{ role: "PPK", agencyId: first.id }]);
    const { agency, admin } = await agencyWithAdmin();
    const { userId, invited } = await addPerson(admin, {
      agencyId: agency.id,
      role: "POKJA",
      email: existing.email.toUpperCase(),
      name: "Nama Lain",
    });
    expect({ userId, invited }).toEqual({ userId: existing.id, invited: false });
    expect(await db.roleMembership.count({ where: { userId: existing.id } })).toBe(2);
    expect((await db.user.findUnique({ where: { id: existing.id } }))?.name).toBe(existing.name);
    expect(await db.emailOutbox.count()).toBe(0);
  });

  it("an agency admin cannot grant LPSE roles or ADMIN_AGENCY, nor in another agency; nothing is written", async () => {
    const { agency, admin } = await agencyWithAdmin();
    const other = await makeAgency();
    const attempts = [
      { ...person(agency.id), role: "ADMIN_AGENCY" as const },
      { ...person(other.id) },
      { ...person(agency.id), role: "AUDITOR" as const, agencyId: undefined },
      { ...person(agency.id), role: "ADMIN_LPSE" as const, agencyId: undefined },
    ];
    for (const attempt of attempts)
      await expect(addPerson(admin, attempt)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count({ where: { email: { contains: "budi", mode: "insensitive" } } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses a role and a scope that disagree, and a vendor's user", async () => {
    const { agency, admin } = await agencyWithAdmin();
    const lpse = await makeActor("ADMIN_LPSE");
    await expect(addPerson(lpse, { ...person(agency.id), role: "AUDITOR" })).rejects.toMatchObject({
      messageKey: "roleScope",
    });
    await expect(addPerson(admin, { ...person(agency.id), agencyId: undefined })).rejects.toMatchObject({
      messageKey: "roleScope",
    });
    const vendor = await makeVendor();
    const vendorUser = await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id });
    await expect(addPerson(admin, { ...person(agency.id), email: vendorUser.email })).rejects.toMatchObject({
      messageKey: "vendorUserNoStaffRole",
    });
  });

  it("refuses a validity that ends before it begins or has already ended", async () => {
    const { agency, admin } = await agencyWithAdmin();
    await expect(
      addPerson(admin, { ...person(agency.id), validFrom: "2030-02-01", validUntil: "2030-01-31" }),
    ).rejects.toMatchObject({ messageKey: "validUntilBeforeValidFrom" });
    await expect(addPerson(admin, { ...person(agency.id), validUntil: "2001-01-01" })).rejects.toMatchObject({
      messageKey: "validUntilPast",
    });
    expect(await db.roleMembership.count({ where: { agencyId: agency.id, role: "PPK" } })).toBe(0);
    // and the database holds the order too, for any writer
    const user = await makeUser();
    await expect(
      db.$executeRaw`INSERT INTO "RoleMembership" (id, "userId", role, "agencyId", "validFrom", "validUntil")
        VALUES (gen_random_uuid(), ${user.id}::uuid, 'PPK', ${agency.id}::uuid, now(), now() - interval '1 day')`,
    ).rejects.toThrow(/RoleMembership_validity_check/);
  });

  it("reads the decree's days in the agency's time zone, the last day included", async () => {
    const agency = await makeAgency({ timeZone: "Asia/Jayapura" });
    const admin = await makeActor("ADMIN_AGENCY", agency.id);
    const { membershipId } = await addPerson(admin, {
      ...person(agency.id),
      skNumber: "SK/12/2030",
      validFrom: "2030-01-01",
      validUntil: "2030-12-31",
    });
    const grant = await db.roleMembership.findUnique({ where: { id: membershipId } });
    expect(grant?.validFrom?.toISOString()).toBe("2029-12-31T15:00:00.000Z");
    expect(grant?.validUntil?.toISOString()).toBe("2030-12-31T15:00:00.000Z");
    expect(grant?.skNumber).toBe("SK/12/2030");
  });
});

describe("grantRole and revokeRole", () => {
  it("a revoked role gives no power at once, stays as history, and can be granted again", async () => {
    const { agency, admin } = await agencyWithAdmin();
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const session = await sessionOf(ppk.id);
    expect((await loadSessionActor(session))?.memberships).toEqual([{ role: "PPK", agencyId: agency.id }]);
    const grant = await db.roleMembership.findFirstOrThrow({ where: { userId: ppk.id } });
    await revokeRole(admin, { membershipId: grant.id });
    expect((await loadSessionActor(session))?.memberships).toEqual([]);
    expect(await db.roleMembership.findUnique({ where: { id: grant.id }, select: { revokedById: true } })).toEqual({
      revokedById: admin.userId,
    });
    await expect(revokeRole(admin, { membershipId: grant.id })).rejects.toMatchObject({
      messageKey: "roleAlreadyRevoked",
    });
    await grantRole(admin, { userId: ppk.id, role: "PPK", agencyId: agency.id });
    expect(await db.roleMembership.count({ where: { userId: ppk.id } })).toBe(2);
    expect((await loadSessionActor(session))?.memberships).toHaveLength(1);
    await expect(grantRole(admin, { userId: ppk.id, role: "PPK", agencyId: agency.id })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "roleAlreadyHeld",
    });
  });

  it("a role that ran out or has not begun gives no power; a run-out one is replaced by a new grant", async () => {
    const { agency, admin } = await agencyWithAdmin();
    const kpa = await makeUser([{ role: "KPA", agencyId: agency.id }]);
    const session = await sessionOf(kpa.id);
    const now = await dbNow();
    const grant = await db.roleMembership.update({
      where: { id: kpa.memberships[0]!.id },
      data: { validFrom: new Date(now.getTime() - 86_400_000), validUntil: new Date(now.getTime() - 1) },
    });
    expect((await loadSessionActor(session))?.memberships).toEqual([]);
    await grantRole(admin, { userId: kpa.id, role: "KPA", agencyId: agency.id, validFrom: "2099-01-01" });
    expect((await db.roleMembership.findUnique({ where: { id: grant.id } }))?.revokedAt).not.toBeNull();
    expect((await loadSessionActor(session))?.memberships).toEqual([]);
  });

  it("an agency admin does not find another agency's people, and cannot revoke LPSE roles", async () => {
    const { agency, admin } = await agencyWithAdmin();
    const other = await makeAgency();
    const foreign = await makeUser([{ role: "POKJA", agencyId: other.id }]);
    await expect(grantRole(admin, { userId: foreign.id, role: "POKJA", agencyId: agency.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(revokeRole(admin, { membershipId: foreign.memberships[0]!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const auditor = await makeUser([{ role: "AUDITOR" }]);
    await expect(revokeRole(admin, { membershipId: auditor.memberships[0]!.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.roleMembership.count({ where: { revokedAt: { not: null } } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("ADMIN_LPSE appoints an agency's admin, a Verifikator and an Auditor", async () => {
    const agency = await makeAgency();
    const lpse = await makeActor("ADMIN_LPSE");
    const someone = await makeUser();
    await grantRole(lpse, { userId: someone.id, role: "ADMIN_AGENCY", agencyId: agency.id, skNumber: "SK-1" });
    await grantRole(lpse, { userId: someone.id, role: "VERIFIKATOR" });
    await grantRole(lpse, { userId: someone.id, role: "AUDITOR" });
    expect(await db.roleMembership.count({ where: { userId: someone.id, revokedAt: null } })).toBe(3);
    // but not the agency's staff: that is its own admin's work
    await expect(grantRole(lpse, { userId: someone.id, role: "PPK", agencyId: agency.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("the last active ADMIN_LPSE can neither revoke itself nor be revoked; with two, one may go", async () => {
    const first = await makeUser([{ role: "ADMIN_LPSE" }]);
    const firstActor = actorFor(first);
    await expect(revokeRole(firstActor, { membershipId: first.memberships[0]!.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "lastLpseAdmin",
    });
    // a disabled second admin does not count
    const disabled = await makeUser([{ role: "ADMIN_LPSE" }], { isDisabled: true });
    await expect(revokeRole(firstActor, { membershipId: first.memberships[0]!.id })).rejects.toMatchObject({
      messageKey: "lastLpseAdmin",
    });
    expect(disabled.id).toBeDefined();
    const second = await makeUser([{ role: "ADMIN_LPSE" }]);
    await revokeRole(firstActor, { membershipId: second.memberships[0]!.id });
    await expect(revokeRole(firstActor, { membershipId: first.memberships[0]!.id })).rejects.toMatchObject({
      messageKey: "lastLpseAdmin",
    });
    expect(await db.auditEvent.count({ where: { action: "role.revoked" } })).toBe(1);
  });
});
