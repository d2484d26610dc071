import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makePaket, makeTender, makeUser, seedReference } from "@/tests/factories";
import { db } from "@/server/db";
import { changePokjaMembers } from "./change-pokja-members";
import { formPokja } from "./form-pokja";

async function formedPokja() {
  const agency = await makeAgency();
  const admin = actorFor(await makeUser([{ role: "ADMIN_AGENCY", agencyId: agency.id }]));
  const staff = await Promise.all(Array.from({ length: 5 }, () => makeUser([{ role: "POKJA", agencyId: agency.id }])));
  const ids = staff.map((u) => u.id);
  const pokja = await formPokja(admin, {
    agencyId: agency.id,
    skNumber: "800/12/UKPBJ/2027",
    skDate: "2027-01-04",
    name: "Pokja I",
    memberIds: ids.slice(0, 3),
    leaderId: ids[0]!,
  });
  return { agency, admin, ids, pokja };
}

const memberIdsOf = async (pokjaId: string) =>
  (await db.pokjaMember.findMany({ where: { pokjaId }, select: { userId: true } })).map((m) => m.userId).sort();

describe("changePokjaMembers", () => {
  it("replaces the members and leader and records before and after", async () => {
    const { admin, ids, pokja } = await formedPokja();
    await changePokjaMembers(admin, { pokjaId: pokja.id, memberIds: ids, leaderId: ids[4]! });
    expect(await memberIdsOf(pokja.id)).toEqual([...ids].sort());
    const leader = await db.pokjaMember.findFirst({
      where: { pokjaId: pokja.id, isLeader: true },
      select: { userId: true },
    });
    expect(leader?.userId).toBe(ids[4]);
    const audit = await db.auditEvent.findFirst({ where: { action: "pokja.membersChanged", entityId: pokja.id } });
    expect(audit?.data).toMatchObject({ before: { leaderId: ids[0] }, after: { leaderId: ids[4] } });
  });

  it("refuses four members and leaves the old ones", async () => {
    const { admin, ids, pokja } = await formedPokja();
    await expect(
      changePokjaMembers(admin, { pokjaId: pokja.id, memberIds: ids.slice(0, 4), leaderId: ids[0]! }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "pokjaSize" });
    expect(await memberIdsOf(pokja.id)).toEqual(ids.slice(0, 3).sort());
  });

  it("refuses a member without the POKJA role", async () => {
    const { agency, admin, ids, pokja } = await formedPokja();
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    await expect(
      changePokjaMembers(admin, { pokjaId: pokja.id, memberIds: [ids[0]!, ids[1]!, ppk.id], leaderId: ids[0]! }),
    ).rejects.toMatchObject({ messageKey: "pokjaMemberNotEligible" });
    expect(await memberIdsOf(pokja.id)).toEqual(ids.slice(0, 3).sort());
  });

  it("does not let another agency's admin see the Pokja", async () => {
    const { ids, pokja } = await formedPokja();
    const other = await makeAgency();
    const otherAdmin = actorFor(await makeUser([{ role: "ADMIN_AGENCY", agencyId: other.id }]));
    await expect(
      changePokjaMembers(otherAdmin, { pokjaId: pokja.id, memberIds: ids.slice(2, 5), leaderId: ids[2]! }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await memberIdsOf(pokja.id)).toEqual(ids.slice(0, 3).sort());
    expect(await db.auditEvent.count({ where: { action: "pokja.membersChanged" } })).toBe(0);
  });

  it("refuses while one of its tenders is announced", async () => {
    const { agency, admin, ids, pokja } = await formedPokja();
    await seedReference();
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const paket = await makePaket(agency, ppk.id, { status: "IN_SELECTION" });
    await makeTender(paket, { pokjaId: pokja.id, status: "PUBLISHED" });
    await expect(
      changePokjaMembers(admin, { pokjaId: pokja.id, memberIds: ids.slice(2, 5), leaderId: ids[2]! }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "pokjaHasActiveTender" });
  });
});
