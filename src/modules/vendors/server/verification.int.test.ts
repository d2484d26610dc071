import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeActor, makeAgency, makeVendor, makeVendorUser, actorFor } from "@/tests/factories";
import { assertVendorVerified } from "./assert-vendor-verified";
import { findPendingVendors } from "./find-pending-vendors";
import { getVendorForVerification } from "./get-vendor-for-verification";
import { rejectVendor } from "./reject-vendor";
import { verifyVendor } from "./verify-vendor";

const statusOf = async (id: string) =>
  db.vendor.findUniqueOrThrow({
    where: { id },
    select: { status: true, verifiedAt: true, verifiedById: true, rejectionReason: true },
  });

describe("verifyVendor and rejectVendor", () => {
  it("verifies a pending vendor at the database time, with an audit row", async () => {
    const vendor = await makeVendor({ status: "PENDING" });
    const verifier = await makeActor("VERIFIKATOR");
    const { verifiedAt } = await verifyVendor(verifier, { vendorId: vendor.id });
    expect(await statusOf(vendor.id)).toMatchObject({ status: "VERIFIED", verifiedAt, verifiedById: verifier.userId });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "vendor.verified", entityId: vendor.id } });
    expect(audit.actorId).toBe(verifier.userId);
  });

  it("refuses to verify twice, or to verify a rejected vendor", async () => {
    const verifier = await makeActor("VERIFIKATOR");
    const vendor = await makeVendor({ status: "PENDING" });
    await verifyVendor(verifier, { vendorId: vendor.id });
    await expect(verifyVendor(verifier, { vendorId: vendor.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "vendorNotPending",
    });
    const rejected = await makeVendor({ status: "REJECTED" });
    await expect(verifyVendor(verifier, { vendorId: rejected.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db.auditEvent.count({ where: { action: "vendor.verified" } })).toBe(1);
  });

  it("refuses a PPK, a vendor user, and a Verifikator deciding on their own company; nothing changes", async () => {
    const vendor = await makeVendor({ status: "PENDING" });
    const ppk = await makeActor("PPK", (await makeAgency()).id);
    const vendorUser = actorFor(await makeVendorUser(vendor));
    const insider = { ...(await makeActor("VERIFIKATOR")), vendorId: vendor.id };
    for (const actor of [ppk, vendorUser, insider]) {
      await expect(verifyVendor(actor, { vendorId: vendor.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        rejectVendor(actor, { vendorId: vendor.id, reason: "Akta tidak terbaca sama sekali" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await statusOf(vendor.id)).toMatchObject({ status: "PENDING", verifiedById: null });
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("rejects with a reason the vendor can read, and records it in the audit", async () => {
    const vendor = await makeVendor({ status: "PENDING" });
    const verifier = await makeActor("VERIFIKATOR");
    await rejectVendor(verifier, {
      vendorId: vendor.id,
      reason: "  Scan akta pendirian tidak terbaca; unggah ulang.  ",
    });
    expect(await statusOf(vendor.id)).toMatchObject({
      status: "REJECTED",
      rejectionReason: "Scan akta pendirian tidak terbaca; unggah ulang.",
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "vendor.rejected", entityId: vendor.id } });
    expect(audit.data).toMatchObject({ reason: "Scan akta pendirian tidak terbaca; unggah ulang." });
  });

  it("refuses a reason under 10 characters, and a vendor that is not pending", async () => {
    const verifier = await makeActor("VERIFIKATOR");
    const vendor = await makeVendor({ status: "PENDING" });
    await expect(rejectVendor(verifier, { vendorId: vendor.id, reason: " kurang   " })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { reason: ["rejectionReasonTooShort"] },
    });
    expect((await statusOf(vendor.id)).status).toBe("PENDING");
    const verified = await makeVendor({ status: "VERIFIED" });
    await expect(
      rejectVendor(verifier, { vendorId: verified.id, reason: "Alasan yang cukup panjang" }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("answers NOT_FOUND for an unknown vendor", async () => {
    const verifier = await makeActor("VERIFIKATOR");
    await expect(verifyVendor(verifier, { vendorId: crypto.randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getVendorForVerification(verifier, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the verification queue", () => {
  it("lists PENDING vendors, the longest-waiting first, only for a Verifikator", async () => {
    const [a, b] = [
      await makeVendor({ status: "PENDING", name: "A" }),
      await makeVendor({ status: "PENDING", name: "B" }),
    ];
    await makeVendor({ status: "VERIFIED" });
    await db.vendor.update({ where: { id: a.id }, data: { submittedAt: new Date("2026-03-02T00:00:00Z") } });
    await db.vendor.update({ where: { id: b.id }, data: { submittedAt: new Date("2026-03-01T00:00:00Z") } });
    const queue = await findPendingVendors(await makeActor("VERIFIKATOR"));
    expect(queue.total).toBe(2);
    expect(queue.vendors.map((v) => v.id)).toEqual([b.id, a.id]);
    await expect(findPendingVendors(await makeActor("AUDITOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("assertVendorVerified", () => {
  it("returns a verified vendor and refuses the others", async () => {
    const verified = await makeVendor();
    expect(await assertVendorVerified(actorFor(await makeVendorUser(verified)))).toEqual({
      id: verified.id,
      name: verified.name,
    });
    for (const status of ["PENDING", "REJECTED"] as const) {
      const vendor = await makeVendor({ status });
      await expect(assertVendorVerified(actorFor(await makeVendorUser(vendor)))).rejects.toMatchObject({
        code: "INVALID_STATE",
        messageKey: "ownVendorNotVerified",
      });
    }
    await expect(assertVendorVerified(await makeActor("POKJA", (await makeAgency()).id))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
