import { describe, expect, it } from "vitest";
import { actorFor, makeActor, makeAgency, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { addPerson } from "./add-person";
import { findAgencies, findLpseStaff } from "./find-agencies";
import { getAgencyPeople } from "./get-agency-people";
import { revokeRole } from "./revoke-role";

describe("getAgencyPeople", () => {
  it("shows the admin's own agency only, with each grant's history and who is still invited", async () => {
    const agency = await makeAgency();
    const other = await makeAgency();
    const admin = await makeActor("ADMIN_AGENCY", agency.id);
    const { userId } = await addPerson(admin, {
      agencyId: agency.id,
      role: "PPK",
      email: "ppk@uji.go.id",
      name: "Sri PPK",
    });
    const grant = await db.roleMembership.findFirstOrThrow({ where: { userId } });
    await addPerson(admin, { agencyId: agency.id, role: "KPA", email: "ppk@uji.go.id", name: "Sri PPK" });
    await revokeRole(admin, { membershipId: grant.id });
    await makeUser([{ role: "POKJA", agencyId: other.id }]);

    // asking for another agency falls back to its own: another agency is never shown
    const org = await getAgencyPeople(admin, other.id);
    expect(org.agency.id).toBe(agency.id);
    expect(org.people.map((p) => p.email).sort()).toEqual([admin.email, "ppk@uji.go.id"].sort());
    const person = org.people.find((p) => p.email === "ppk@uji.go.id")!;
    expect(person.isInvited).toBe(true);
    expect(person.grants.map((g) => [g.role, g.state, g.grantedBy, g.revokedBy])).toEqual([
      ["KPA", "active", admin.name, null],
      ["PPK", "revoked", admin.name, admin.name],
    ]);
    expect(JSON.stringify(org)).not.toMatch(/passwordHash|argon2/);
  });

  it("refuses anyone who administers no agency", async () => {
    for (const actor of [await makeActor("ADMIN_LPSE"), await makeActor("PPK", (await makeAgency()).id)]) {
      await expect(getAgencyPeople(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("findAgencies and findLpseStaff", () => {
  it("are ADMIN_LPSE's only", async () => {
    const agency = await makeAgency();
    for (const actor of [await makeActor("ADMIN_AGENCY", agency.id), await makeActor("AUDITOR")]) {
      await expect(findAgencies(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(findLpseStaff(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("list each agency's admins and the LPSE's staff", async () => {
    const agency = await makeAgency();
    const lpseAdmin = actorFor(await makeUser([{ role: "ADMIN_LPSE" }]));
    await addPerson(lpseAdmin, {
      agencyId: agency.id,
      role: "ADMIN_AGENCY",
      email: "admin@kab.go.id",
      name: "Admin Kab",
    });
    await addPerson(lpseAdmin, { role: "AUDITOR", email: "auditor@lpse.go.id", name: "Auditor" });
    const agencies = await findAgencies(lpseAdmin);
    expect(agencies.find((a) => a.id === agency.id)?.admins.map((a) => a.user.email)).toEqual(["admin@kab.go.id"]);
    const staff = await findLpseStaff(lpseAdmin);
    expect(staff.map((g) => [g.user.email, g.role]).sort()).toEqual(
      [
        ["auditor@lpse.go.id", "AUDITOR"],
        [lpseAdmin.email, "ADMIN_LPSE"],
      ].sort(),
    );
  });
});
