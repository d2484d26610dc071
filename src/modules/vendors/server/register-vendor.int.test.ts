import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/modules/auth/server/password";
import { db } from "@/server/db";
import { makeActor, makeAgency, makeVendor, vendorRegistrationInput } from "@/tests/factories";
import { registerVendorSchema } from "../vendors.schemas";
import { registerVendor } from "./register-vendor";

const counts = async () => ({
  vendors: await db.vendor.count(),
  users: await db.user.count(),
  audit: await db.auditEvent.count(),
});

describe("registerVendor", () => {
  it("creates a PENDING vendor, its first PENYEDIA user, and the audit row, at the database time", async () => {
    const input = vendorRegistrationInput({ userEmail: "direktur.papua@uji.segel.test" });
    const before = (await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`)[0]!.now;
    const { vendorId, userId } = await registerVendor(null, input, { ip: "10.1.2.3", userAgent: "vitest" });

    const vendor = await db.vendor.findUniqueOrThrow({
      where: { id: vendorId },
      select: { status: true, submittedAt: true, npwp: true, kbli: true },
    });
    // registered, not yet sent to the Verifikator: the company completes its profile first
    expect(vendor).toMatchObject({ status: "PENDING", submittedAt: null, npwp: input.npwp, kbli: ["41011", "42101"] });
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        email: true,
        vendorId: true,
        passwordHash: true,
        memberships: { select: { role: true, agencyId: true } },
      },
    });
    expect(user).toMatchObject({
      email: "direktur.papua@uji.segel.test",
      vendorId,
      memberships: [{ role: "PENYEDIA", agencyId: null }],
    });
    expect(await verifyPassword(user.passwordHash!, input.password)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "vendor.registered", entityId: vendorId } });
    expect(audit).toMatchObject({ actorId: userId, ip: "10.1.2.3" });
    expect(audit.data).toMatchObject({ npwp: input.npwp, nib: input.nib, userEmail: input.userEmail });
    expect(new Date((audit.data as { registeredAt: string }).registeredAt).getTime()).toBeGreaterThanOrEqual(
      before.getTime() - 1,
    );
    expect(JSON.stringify(audit.data)).not.toContain(input.password);
  });

  it("refuses an NPWP already registered, in either its 15- or 16-digit form, and creates nothing", async () => {
    const first = vendorRegistrationInput();
    await registerVendor(null, first);
    const before = await counts();
    for (const npwp of [first.npwp, `0${first.npwp}`]) {
      await expect(registerVendor(null, vendorRegistrationInput({ npwp }))).rejects.toMatchObject({
        code: "CONFLICT",
        messageKey: "vendorNpwpTaken",
        fieldErrors: { npwp: ["vendorNpwpTaken"] },
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a NIB already registered and creates nothing", async () => {
    const existing = await makeVendor();
    const before = await counts();
    await expect(registerVendor(null, vendorRegistrationInput({ nib: existing.nib }))).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { nib: ["vendorNibTaken"] },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a user e-mail already taken, whatever its capitals, and creates nothing", async () => {
    await db.user.create({ data: { email: "Budi.Santoso@Uji.Segel.Test", name: "Budi", passwordHash: "x" } });
    const before = await counts();
    await expect(
      registerVendor(null, vendorRegistrationInput({ userEmail: "budi.santoso@uji.segel.test" })),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { userEmail: ["userEmailTaken"] } });
    expect(await counts()).toEqual(before);
  });

  it("stores a company typed with its form repeated once, as every page shows it", async () => {
    const typed = vendorRegistrationInput();
    const input = registerVendorSchema.parse({
      ...typed,
      name: "PT PT Laptop Nusantara Jaya",
      businessForm: "PT",
      kbli: typed.kbli.join(","),
    });
    const { vendorId } = await registerVendor(null, input);
    expect(await db.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { name: true } })).toEqual({
      name: "PT Laptop Nusantara Jaya",
    });
    const other = registerVendorSchema.safeParse({ ...typed, name: "CV Laptop", businessForm: "PT" });
    expect(other.success ? [] : other.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["name", "companyNameOtherForm"],
    ]);
  });

  it("refuses a signed-in caller", async () => {
    const actor = await makeActor("PPK", (await makeAgency()).id);
    const before = await counts();
    await expect(registerVendor(actor, vendorRegistrationInput())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
  });
});
