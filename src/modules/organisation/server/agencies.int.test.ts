import { describe, expect, it } from "vitest";
import { actorFor, makeActor, makeAgency, makeLpse, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { changeAgency } from "./change-agency";
import { createAgency } from "./create-agency";

const input = {
  code: "PEMKAB-UJI",
  name: "Pemerintah Kabupaten Uji",
  kind: "PEMDA_KABUPATEN",
  timeZone: "Asia/Makassar",
} as const;

describe("createAgency and changeAgency", () => {
  it("ADMIN_LPSE creates an agency and records agency.created", async () => {
    await makeLpse();
    const admin = await makeActor("ADMIN_LPSE");
    const { id } = await createAgency(admin, input);
    expect(await db.agency.findUnique({ where: { id }, select: { code: true, timeZone: true } })).toEqual({
      code: "PEMKAB-UJI",
      timeZone: "Asia/Makassar",
    });
    const audit = await db.auditEvent.findFirst({ where: { action: "agency.created", entityId: id } });
    expect(audit?.actorId).toBe(admin.userId);
  });

  it("refuses ADMIN_AGENCY, VERIFIKATOR and AUDITOR; nothing is written", async () => {
    await makeLpse();
    const agency = await makeAgency();
    for (const actor of [
      await makeActor("ADMIN_AGENCY", agency.id),
      await makeActor("VERIFIKATOR"),
      await makeActor("AUDITOR"),
    ]) {
      await expect(createAgency(actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(changeAgency(actor, { ...input, agencyId: agency.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.agency.count({ where: { code: "PEMKAB-UJI" } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses a code already in use with a clear CONFLICT", async () => {
    await makeLpse();
    const admin = await makeActor("ADMIN_LPSE");
    await createAgency(admin, input);
    await expect(createAgency(admin, { ...input, name: "Lain" })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "agencyCodeTaken",
    });
    const other = await makeAgency();
    await expect(changeAgency(admin, { ...input, agencyId: other.id })).rejects.toMatchObject({
      messageKey: "agencyCodeTaken",
    });
  });

  it("the database refuses a time zone outside WIB, WITA and WIT", async () => {
    const agency = await makeAgency();
    await expect(
      db.$executeRaw`UPDATE "Agency" SET "timeZone" = 'Asia/Tokyo' WHERE id = ${agency.id}::uuid`,
    ).rejects.toThrow(/Agency_timeZone_check/);
  });

  it("changes an agency and keeps before and after", async () => {
    const agency = await makeAgency();
    const admin = actorFor(await makeUser([{ role: "ADMIN_LPSE" }]));
    await changeAgency(admin, { ...input, agencyId: agency.id, timeZone: "Asia/Jayapura" });
    const audit = await db.auditEvent.findFirst({ where: { action: "agency.changed", entityId: agency.id } });
    expect(audit?.data).toMatchObject({ before: { timeZone: "Asia/Jakarta" }, after: { timeZone: "Asia/Jayapura" } });
  });

  it("answers NOT_FOUND for an unknown agency", async () => {
    const admin = await makeActor("ADMIN_LPSE");
    await expect(
      changeAgency(admin, { ...input, agencyId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
