import { describe, expect, it } from "vitest";
import { makeActor, makeAgency, makePaket, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { changeWorkUnit } from "./change-work-unit";
import { createWorkUnit } from "./create-work-unit";

describe("createWorkUnit and changeWorkUnit", () => {
  it("the agency's admin adds and renames a satker, each audited", async () => {
    const agency = await makeAgency();
    const admin = await makeActor("ADMIN_AGENCY", agency.id);
    const { id } = await createWorkUnit(admin, { agencyId: agency.id, code: "SK-DINKES", name: "Dinas Kesehatan" });
    await changeWorkUnit(admin, { workUnitId: id, code: "SK-DINKES", name: "Dinas Kesehatan dan KB" });
    expect((await db.workUnit.findUnique({ where: { id } }))?.name).toBe("Dinas Kesehatan dan KB");
    expect(
      await db.auditEvent.count({ where: { entityId: id, action: { in: ["workUnit.created", "workUnit.changed"] } } }),
    ).toBe(2);
  });

  it("another agency's admin, ADMIN_LPSE and a PPK cannot add one; another agency's admin does not find it", async () => {
    const agency = await makeAgency();
    const other = await makeAgency();
    const foreignAdmin = await makeActor("ADMIN_AGENCY", other.id);
    for (const actor of [foreignAdmin, await makeActor("ADMIN_LPSE"), await makeActor("PPK", agency.id)]) {
      await expect(
        createWorkUnit(actor, { agencyId: agency.id, code: "SK-LIAR", name: "Satker Liar" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const unit = agency.workUnits[0]!;
    await expect(
      changeWorkUnit(foreignAdmin, { workUnitId: unit.id, code: unit.code, name: "Diambil alih" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.workUnit.findUnique({ where: { id: unit.id } }))?.name).toBe(unit.name);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("keeps the code of a satker a paket uses, and refuses a duplicate code", async () => {
    const agency = await makeAgency();
    const admin = await makeActor("ADMIN_AGENCY", agency.id);
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    await makePaket(agency, ppk.id);
    const unit = agency.workUnits[0]!;
    await expect(
      changeWorkUnit(admin, { workUnitId: unit.id, code: "SK-BARU", name: unit.name }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "workUnitCodeInUse",
    });
    await changeWorkUnit(admin, { workUnitId: unit.id, code: unit.code, name: "Nama Diperbaiki" });
    await expect(createWorkUnit(admin, { agencyId: agency.id, code: unit.code, name: "Kembar" })).rejects.toMatchObject(
      { code: "CONFLICT", messageKey: "workUnitCodeTaken" },
    );
  });
});
