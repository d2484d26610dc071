import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makeUser } from "../../../../tests/factories";
import { db } from "@/server/db";
import { enrolTotp, openTestSession, totpCodeAt, wrongCodeFor } from "../testing/totp";
import { disableTotp, regenerateRecoveryCodes } from "./manage-totp";
import { passSecondFactor } from "./pass-second-factor";
import { resetUserTotp } from "./reset-totp";
import { getSecuritySettings, setStaffTotpRequirement } from "./staff-totp-setting";

const totpOf = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { totpSecret: true, totpEnabledAt: true } });
const lastEvent = (entityId: string, action: string) =>
  db.auditEvent.findFirst({
    where: { entityId, action },
    orderBy: { seq: "desc" },
    select: { data: true, actorId: true },
  });

describe("recovery codes and turning TOTP off", () => {
  it("a new set replaces the old, and only with a current code from the app", async () => {
    const user = await makeUser();
    const { secret, recoveryCodes, actor } = await enrolTotp(user.id);
    await expect(regenerateRecoveryCodes(actor, { code: recoveryCodes[0]! })).rejects.toMatchObject({
      messageKey: "totpCodeFormat",
    });
    await expect(regenerateRecoveryCodes(actor, { code: await wrongCodeFor(secret) })).rejects.toMatchObject({
      messageKey: "totpCodeWrong",
    });
    const fresh = await regenerateRecoveryCodes(actor, { code: await totpCodeAt(secret, 1) });
    expect(fresh.recoveryCodes).toHaveLength(10);
    const other = await openTestSession(user.id);
    await expect(passSecondFactor(other, { code: recoveryCodes[0]! })).rejects.toMatchObject({
      messageKey: "totpCodeWrong",
    });
    await passSecondFactor(other, { code: fresh.recoveryCodes[0]! });
    expect(await lastEvent(user.id, "auth.recoveryCodesRegenerated")).toMatchObject({ actorId: user.id });
  });

  it("is refused to staff whose roles require it while the instance says so, and allowed to a vendor", async () => {
    const agency = await makeAgency();
    await db.lpseInstance.updateMany({ data: { requireStaffTotp: true } });
    const pokja = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    const staff = await enrolTotp(pokja.id);
    await expect(disableTotp(staff.actor, { code: await totpCodeAt(staff.secret, 1) })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "totpRequiredByRole",
    });
    expect((await totpOf(pokja.id)).totpEnabledAt).not.toBeNull();

    const vendorUser = await makeUser([{ role: "PENYEDIA" }]);
    const vendor = await enrolTotp(vendorUser.id);
    await disableTotp(vendor.actor, { code: await totpCodeAt(vendor.secret, 1) });
    expect(await totpOf(vendorUser.id)).toEqual({ totpSecret: null, totpEnabledAt: null });
    expect(await db.recoveryCode.count({ where: { userId: vendorUser.id } })).toBe(0);
    expect(await lastEvent(vendorUser.id, "auth.totpDisabled")).toBeTruthy();
  });
});

describe("a lost device reset by ADMIN_LPSE", () => {
  it("clears TOTP and recovery codes, ends every session, and records the reason", async () => {
    const admin = actorFor(await makeUser([{ role: "ADMIN_LPSE" }]));
    const user = await makeUser([{ role: "VERIFIKATOR" }]);
    const { actor } = await enrolTotp(user.id);
    await openTestSession(user.id);

    await resetUserTotp(admin, { userId: user.id, reason: "Ponsel hilang, identitas diperiksa langsung" });
    expect(await totpOf(user.id)).toEqual({ totpSecret: null, totpEnabledAt: null });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect(await lastEvent(user.id, "user.totpReset")).toMatchObject({
      actorId: admin.userId,
      data: { reason: "Ponsel hilang, identitas diperiksa langsung", wasEnabled: true, revokedSessions: 2 },
    });
    expect(actor.sessionId).toBeTruthy();
    await expect(resetUserTotp(admin, { userId: user.id, reason: "lagi" })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
  });

  it("is refused to other roles, to an admin for their own, and for a user who does not exist", async () => {
    const user = await makeUser();
    await enrolTotp(user.id);
    const agency = await makeAgency();
    for (const role of ["ADMIN_AGENCY", "AUDITOR", "VERIFIKATOR"] as const) {
      const other = actorFor(await makeUser([{ role, agencyId: role === "ADMIN_AGENCY" ? agency.id : null }]));
      await expect(resetUserTotp(other, { userId: user.id, reason: "coba" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    const adminUser = await makeUser([{ role: "ADMIN_LPSE" }]);
    await enrolTotp(adminUser.id);
    await expect(
      resetUserTotp(actorFor(adminUser), { userId: adminUser.id, reason: "ponsel saya hilang" }),
    ).rejects.toMatchObject({
      messageKey: "totpResetOwn",
    });
    await expect(
      resetUserTotp(actorFor(adminUser), { userId: "00000000-0000-4000-8000-000000000000", reason: "tidak ada" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await totpOf(user.id)).totpEnabledAt).not.toBeNull();
    expect((await totpOf(adminUser.id)).totpEnabledAt).not.toBeNull();
  });
});

describe("the staff TOTP requirement", () => {
  it("sends staff without TOTP to enrol while on, lets them work while off, and only ADMIN_LPSE changes it", async () => {
    const agency = await makeAgency();
    const admin = actorFor(await makeUser([{ role: "ADMIN_LPSE" }]));
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const vendor = await makeUser([{ role: "PENYEDIA" }]);
    const outsider = actorFor(await makeUser([{ role: "ADMIN_AGENCY", agencyId: agency.id }]));
    await expect(setStaffTotpRequirement(outsider, { required: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getSecuritySettings(outsider)).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect((await openTestSession(ppk.id)).pending).toBeNull();
    await setStaffTotpRequirement(admin, { required: true });
    expect(await getSecuritySettings(admin)).toEqual({ requireStaffTotp: true, hasInstance: true });
    const staff = await openTestSession(ppk.id);
    expect(staff).toMatchObject({ pending: "totpEnrolment", memberships: [] });
    expect((await openTestSession(vendor.id)).pending).toBeNull();
    expect(
      await lastEvent(
        (await db.lpseInstance.findFirstOrThrow({ orderBy: { createdAt: "asc" } })).id,
        "lpse.staffTotpRequirementChanged",
      ),
    ).toMatchObject({
      data: { required: true },
    });

    await setStaffTotpRequirement(admin, { required: false });
    expect((await openTestSession(ppk.id)).pending).toBeNull();
  });
});
