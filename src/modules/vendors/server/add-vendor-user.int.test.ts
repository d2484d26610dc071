import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { actorFor, makeActor, makeVendor, makeVendorUser } from "@/tests/factories";
import { addVendorUser } from "./add-vendor-user";

const input = (vendorId: string, email = `staf-${crypto.randomUUID().slice(0, 8)}@uji.segel.test`) => ({
  vendorId,
  name: "Siti Staf",
  email,
  password: "sandi awal yang panjang",
});

describe("addVendorUser", () => {
  it("adds a PENYEDIA user to the actor's own company, with an audit row", async () => {
    const vendor = await makeVendor({ status: "PENDING" });
    const actor = actorFor(await makeVendorUser(vendor));
    const { userId } = await addVendorUser(actor, input(vendor.id, "siti@uji.segel.test"));
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { vendorId: true, email: true, memberships: { select: { role: true } } },
    });
    expect(user).toMatchObject({
      vendorId: vendor.id,
      email: "siti@uji.segel.test",
      memberships: [{ role: "PENYEDIA" }],
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "vendor.userAdded", entityId: vendor.id } });
    expect(audit).toMatchObject({ actorId: actor.userId, data: { userId, email: "siti@uji.segel.test" } });
  });

  it("refuses a vendor user adding a user to another company, and changes nothing", async () => {
    const mine = await makeVendor();
    const other = await makeVendor();
    const actor = actorFor(await makeVendorUser(mine));
    const before = await db.user.count();
    await expect(addVendorUser(actor, input(other.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count()).toBe(before);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses someone who is not a PENYEDIA user", async () => {
    const vendor = await makeVendor();
    const verifier = { ...(await makeActor("VERIFIKATOR")), vendorId: vendor.id };
    await expect(addVendorUser(verifier, input(vendor.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count({ where: { vendorId: vendor.id } })).toBe(0);
  });

  it("refuses an e-mail already in use and creates nothing", async () => {
    const vendor = await makeVendor();
    const existing = await makeVendorUser(vendor);
    const before = await db.user.count();
    await expect(
      addVendorUser(actorFor(existing), input(vendor.id, existing.email.toUpperCase().toLowerCase())),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { email: ["userEmailTaken"] } });
    expect(await db.user.count()).toBe(before);
  });
});
