import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makeDirectPaket, makeUser, makeVendor } from "@/tests/factories";
import { db } from "@/server/db";
import { inviteVendor } from "./invite-vendor";

const paketStatus = async (id: string) =>
  (await db.paket.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("inviteVendor", () => {
  it("invites one verified vendor at the database time and puts the paket in selection", async () => {
    const { pp, paket } = await makeDirectPaket();
    const vendor = await makeVendor();
    const before = (await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`)[0]!.now;
    const { id } = await inviteVendor(actorFor(pp), { paketId: paket.id, vendorId: vendor.id });
    const dp = await db.directProcurement.findUniqueOrThrow({
      where: { id },
      select: { status: true, vendorId: true, invitedAt: true },
    });
    expect(dp).toMatchObject({ status: "INVITED", vendorId: vendor.id });
    expect(dp.invitedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1);
    expect(await paketStatus(paket.id)).toBe("IN_SELECTION");
    const audit = await db.auditEvent.findFirst({ where: { action: "directProcurement.invited", entityId: id } });
    expect(audit?.data).toMatchObject({ paketId: paket.id, vendorId: vendor.id });
  });

  it.each(["PENDING", "REJECTED"] as const)("refuses a %s vendor and changes nothing", async (status) => {
    const { pp, paket } = await makeDirectPaket();
    const vendor = await makeVendor({ status });
    await expect(inviteVendor(actorFor(pp), { paketId: paket.id, vendorId: vendor.id })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "vendorNotVerified",
    });
    expect(await db.directProcurement.count()).toBe(0);
    expect(await paketStatus(paket.id)).toBe("HANDED_OVER");
  });

  it("refuses a second invitation", async () => {
    const { pp, paket } = await makeDirectPaket();
    await inviteVendor(actorFor(pp), { paketId: paket.id, vendorId: (await makeVendor()).id });
    await expect(
      inviteVendor(actorFor(pp), { paketId: paket.id, vendorId: (await makeVendor()).id }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db.directProcurement.count()).toBe(1);
  });

  it("refuses a paket without HPS", async () => {
    const { pp, paket } = await makeDirectPaket({ hps: null });
    await expect(
      inviteVendor(actorFor(pp), { paketId: paket.id, vendorId: (await makeVendor()).id }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "paketHasNoHps" });
  });

  it("refuses another Pejabat Pengadaan of the agency, one of another agency, and the PPK", async () => {
    const { agency, ppk, paket } = await makeDirectPaket();
    const vendor = await makeVendor();
    const colleague = actorFor(await makeUser([{ role: "PEJABAT_PENGADAAN", agencyId: agency.id }]));
    const stranger = actorFor(await makeUser([{ role: "PEJABAT_PENGADAAN", agencyId: (await makeAgency()).id }]));
    for (const actor of [colleague, stranger]) {
      await expect(inviteVendor(actor, { paketId: paket.id, vendorId: vendor.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(inviteVendor(actorFor(ppk), { paketId: paket.id, vendorId: vendor.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.directProcurement.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses a paket whose method is not pengadaan langsung", async () => {
    const { pp, paket } = await makeDirectPaket();
    await db.paket.update({ where: { id: paket.id }, data: { method: "TENDER" } });
    await expect(
      inviteVendor(actorFor(pp), { paketId: paket.id, vendorId: (await makeVendor()).id }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "paketNotPengadaanLangsung" });
  });
});
