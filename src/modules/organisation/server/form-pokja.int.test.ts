import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { formPokja } from "./form-pokja";

async function agencyWithPokjaStaff(count = 5) {
  const agency = await makeAgency();
  const admin = actorFor(await makeUser([{ role: "ADMIN_AGENCY", agencyId: agency.id }]));
  const staff = await Promise.all(
    Array.from({ length: count }, () => makeUser([{ role: "POKJA", agencyId: agency.id }])),
  );
  return { agency, admin, ids: staff.map((u) => u.id) };
}

describe("formPokja", () => {
  it("forms a Pokja of three with one leader and records pokja.formed", async () => {
    const { agency, admin, ids } = await agencyWithPokjaStaff(3);
    const { id } = await formPokja(admin, {
      agencyId: agency.id,
      skNumber: "800/12/UKPBJ/2027",
      skDate: "2027-01-04",
      name: "Pokja Konstruksi I",
      memberIds: ids,
      leaderId: ids[1]!,
    });
    const members = await db.pokjaMember.findMany({ where: { pokjaId: id }, select: { userId: true, isLeader: true } });
    expect(members).toHaveLength(3);
    expect(members.filter((m) => m.isLeader).map((m) => m.userId)).toEqual([ids[1]]);
    const audit = await db.auditEvent.findFirst({ where: { action: "pokja.formed", entityId: id } });
    expect(audit?.actorId).toBe(admin.userId);
    expect(audit?.data).toMatchObject({ agencyId: agency.id, leaderId: ids[1], skNumber: "800/12/UKPBJ/2027" });
    const stored = await db.pokja.findUnique({ where: { id }, select: { skNumber: true, skDate: true } });
    expect(stored).toEqual({ skNumber: "800/12/UKPBJ/2027", skDate: new Date("2027-01-04T00:00:00Z") });
  });

  it("refuses a member whose POKJA role was revoked or has run out", async () => {
    const { agency, admin, ids } = await agencyWithPokjaStaff(4);
    await db.roleMembership.updateMany({
      where: { userId: ids[2] },
      data: { revokedAt: new Date(), revokedById: admin.userId },
    });
    await db.roleMembership.updateMany({
      where: { userId: ids[3] },
      data: { validUntil: new Date(Date.now() - 60_000) },
    });
    for (const stale of [ids[2]!, ids[3]!]) {
      await expect(
        formPokja(admin, {
          agencyId: agency.id,
          skNumber: "SK-9",
          skDate: "2027-01-04",
          name: "Pokja Lama",
          memberIds: [ids[0]!, ids[1]!, stale],
          leaderId: ids[0]!,
        }),
      ).rejects.toMatchObject({ messageKey: "pokjaMemberNotEligible" });
    }
  });

  it("accepts five members", async () => {
    const { agency, admin, ids } = await agencyWithPokjaStaff(5);
    await expect(
      formPokja(admin, {
        agencyId: agency.id,
        skNumber: "800/12/UKPBJ/2027",
        skDate: "2027-01-04",
        name: "Pokja Besar",
        memberIds: ids,
        leaderId: ids[0]!,
      }),
    ).resolves.toHaveProperty("id");
  });

  it.each([2, 4])("refuses %i members (odd, at least 3) and keeps nothing", async (size) => {
    const { agency, admin, ids } = await agencyWithPokjaStaff(size);
    await expect(
      formPokja(admin, {
        agencyId: agency.id,
        skNumber: "800/12/UKPBJ/2027",
        skDate: "2027-01-04",
        name: "Pokja Genap",
        memberIds: ids,
        leaderId: ids[0]!,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "pokjaSize" });
    expect(await db.pokja.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses a member without the POKJA role in this agency", async () => {
    const { agency, admin, ids } = await agencyWithPokjaStaff(2);
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    await expect(
      formPokja(admin, {
        agencyId: agency.id,
        skNumber: "800/12/UKPBJ/2027",
        skDate: "2027-01-04",
        name: "Pokja X",
        memberIds: [...ids, ppk.id],
        leaderId: ids[0]!,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "pokjaMemberNotEligible" });
    expect(await db.pokja.count()).toBe(0);
  });

  it("refuses a POKJA user of another agency and a disabled one", async () => {
    const { agency, admin, ids } = await agencyWithPokjaStaff(2);
    const other = await makeAgency();
    const foreign = await makeUser([{ role: "POKJA", agencyId: other.id }]);
    const disabled = await makeUser([{ role: "POKJA", agencyId: agency.id }], { isDisabled: true });
    for (const extra of [foreign.id, disabled.id]) {
      await expect(
        formPokja(admin, {
          agencyId: agency.id,
          skNumber: "800/12/UKPBJ/2027",
          skDate: "2027-01-04",
          name: "Pokja Y",
          memberIds: [...ids, extra],
          leaderId: ids[0]!,
        }),
      ).rejects.toMatchObject({ code: "VALIDATION" });
    }
    expect(await db.pokja.count()).toBe(0);
  });

  it("refuses a leader who is not a member", async () => {
    const { agency, admin, ids } = await agencyWithPokjaStaff(4);
    await expect(
      formPokja(admin, {
        agencyId: agency.id,
        skNumber: "800/12/UKPBJ/2027",
        skDate: "2027-01-04",
        name: "Pokja Z",
        memberIds: ids.slice(0, 3),
        leaderId: ids[3]!,
      }),
    ).rejects.toMatchObject({ messageKey: "pokjaLeader" });
  });

  it("refuses the admin of another agency and a PPK; nothing changes", async () => {
    const { agency, ids } = await agencyWithPokjaStaff(3);
    const other = await makeAgency();
    const otherAdmin = actorFor(await makeUser([{ role: "ADMIN_AGENCY", agencyId: other.id }]));
    const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: agency.id }]));
    for (const actor of [otherAdmin, ppk]) {
      await expect(
        formPokja(actor, {
          agencyId: agency.id,
          skNumber: "800/12/UKPBJ/2027",
          skDate: "2027-01-04",
          name: "Pokja Liar",
          memberIds: ids,
          leaderId: ids[0]!,
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.pokja.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses a second Pokja with the same name in the agency", async () => {
    const { agency, admin, ids } = await agencyWithPokjaStaff(3);
    await formPokja(admin, {
      agencyId: agency.id,
      skNumber: "800/12/UKPBJ/2027",
      skDate: "2027-01-04",
      name: "Pokja I",
      memberIds: ids,
      leaderId: ids[0]!,
    });
    await expect(
      formPokja(admin, {
        agencyId: agency.id,
        skNumber: "800/12/UKPBJ/2027",
        skDate: "2027-01-04",
        name: "pokja i",
        memberIds: ids,
        leaderId: ids[0]!,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
