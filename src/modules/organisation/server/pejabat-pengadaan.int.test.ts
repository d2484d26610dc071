import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makePaket, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { appointPejabatPengadaan } from "./appoint-pejabat-pengadaan";
import { revokePejabatPengadaan } from "./revoke-pejabat-pengadaan";

async function setup() {
  const agency = await makeAgency();
  const admin = actorFor(await makeUser([{ role: "ADMIN_AGENCY", agencyId: agency.id }]));
  const staff = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  return { agency, admin, staff };
}

const isPp = async (userId: string, agencyId: string) =>
  (await db.roleMembership.count({ where: { userId, agencyId, role: "PEJABAT_PENGADAAN", revokedAt: null } })) === 1;

describe("appointPejabatPengadaan", () => {
  it("grants the role in the admin's agency and records it", async () => {
    const { agency, admin, staff } = await setup();
    await appointPejabatPengadaan(admin, { agencyId: agency.id, userId: staff.id });
    expect(await isPp(staff.id, agency.id)).toBe(true);
    const audit = await db.auditEvent.findFirst({
      where: { action: "pejabatPengadaan.appointed", entityId: staff.id },
    });
    expect(audit?.data).toEqual({ agencyId: agency.id });
  });

  it("refuses someone twice", async () => {
    const { agency, admin, staff } = await setup();
    await appointPejabatPengadaan(admin, { agencyId: agency.id, userId: staff.id });
    await expect(appointPejabatPengadaan(admin, { agencyId: agency.id, userId: staff.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("refuses a disabled user and one who holds no role in the agency", async () => {
    const { agency, admin } = await setup();
    const disabled = await makeUser([{ role: "POKJA", agencyId: agency.id }], { isDisabled: true });
    const outsider = await makeUser([{ role: "PPK", agencyId: (await makeAgency()).id }]);
    await expect(appointPejabatPengadaan(admin, { agencyId: agency.id, userId: disabled.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "userDisabled",
    });
    await expect(appointPejabatPengadaan(admin, { agencyId: agency.id, userId: outsider.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.roleMembership.count({ where: { role: "PEJABAT_PENGADAAN" } })).toBe(0);
  });

  it("refuses another agency's admin and a PPK; nothing changes", async () => {
    const { agency, staff } = await setup();
    const otherAdmin = actorFor(await makeUser([{ role: "ADMIN_AGENCY", agencyId: (await makeAgency()).id }]));
    const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: agency.id }]));
    for (const actor of [otherAdmin, ppk]) {
      await expect(appointPejabatPengadaan(actor, { agencyId: agency.id, userId: staff.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await isPp(staff.id, agency.id)).toBe(false);
    expect(await db.auditEvent.count()).toBe(0);
  });
});

describe("revokePejabatPengadaan", () => {
  it("removes the role and records it", async () => {
    const { agency, admin, staff } = await setup();
    await appointPejabatPengadaan(admin, { agencyId: agency.id, userId: staff.id });
    await revokePejabatPengadaan(admin, { agencyId: agency.id, userId: staff.id });
    expect(await isPp(staff.id, agency.id)).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "pejabatPengadaan.revoked", entityId: staff.id } })).toBe(1);
  });

  it("refuses while the person still holds a paket in selection", async () => {
    const { agency, admin, staff } = await setup();
    await appointPejabatPengadaan(admin, { agencyId: agency.id, userId: staff.id });
    const paket = await makePaket(agency, staff.id, { status: "IN_SELECTION" });
    await db.paket.update({ where: { id: paket.id }, data: { pejabatPengadaanId: staff.id } });
    await expect(revokePejabatPengadaan(admin, { agencyId: agency.id, userId: staff.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "pejabatPengadaanHasOpenPakets",
    });
    expect(await isPp(staff.id, agency.id)).toBe(true);
  });

  it("refuses another agency's admin and someone who is not Pejabat Pengadaan", async () => {
    const { agency, admin, staff } = await setup();
    await expect(revokePejabatPengadaan(admin, { agencyId: agency.id, userId: staff.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await appointPejabatPengadaan(admin, { agencyId: agency.id, userId: staff.id });
    const otherAdmin = actorFor(await makeUser([{ role: "ADMIN_AGENCY", agencyId: (await makeAgency()).id }]));
    await expect(revokePejabatPengadaan(otherAdmin, { agencyId: agency.id, userId: staff.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await isPp(staff.id, agency.id)).toBe(true);
  });
});
