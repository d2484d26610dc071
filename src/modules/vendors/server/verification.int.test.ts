import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { actorFor, makeActor, makeAgency, makeVendor, makeVendorUser } from "@/tests/factories";
import { completeVendorProfile, makeVendorDocument } from "../testing/complete-profile";
import { assertVendorVerified } from "./assert-vendor-verified";
import { findPendingVendors } from "./find-pending-vendors";
import { getVendorForVerification } from "./get-vendor-for-verification";
import { rejectVendor } from "./reject-vendor";
import { verifyVendor } from "./verify-vendor";

const statusOf = async (id: string) =>
  db.vendor.findUniqueOrThrow({
    where: { id },
    select: { status: true, verifiedAt: true, verifiedById: true, rejectionReason: true, rejectedAt: true },
  });

/** A vendor in the queue (sent), complete unless told, with one PENYEDIA user. */
async function queuedVendor(options: { complete?: boolean; name?: string } = {}) {
  const vendor = await makeVendor({ status: "PENDING", name: options.name });
  await db.vendor.update({
    where: { id: vendor.id },
    data: {
      submittedAt: new Date("2026-03-01T00:00:00Z"),
      businessForm: vendor.name.startsWith("PT ") ? "PT" : vendor.businessForm,
    },
  });
  const user = await makeVendorUser(vendor);
  if (options.complete !== false) await completeVendorProfile(vendor.id);
  return { vendor, user };
}

describe("verifyVendor and rejectVendor", () => {
  it("verifies at the database time, tells the company's users (inbox and e-mail), with an audit row", async () => {
    const { vendor, user } = await queuedVendor({ name: "PT Laptop Nusantara Jaya" });
    const verifier = await makeActor("VERIFIKATOR");
    const { verifiedAt, name } = await verifyVendor(verifier, { vendorId: vendor.id });
    expect(name).toBe("PT Laptop Nusantara Jaya");
    expect(await statusOf(vendor.id)).toMatchObject({ status: "VERIFIED", verifiedAt, verifiedById: verifier.userId });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "vendor.verified", entityId: vendor.id } });
    expect(audit).toMatchObject({ actorId: verifier.userId, data: expect.objectContaining({ notified: 1 }) });
    const inbox = await db.notification.findMany({ where: { userId: user.id } });
    expect(inbox).toMatchObject([{ kind: "vendor.verified", title: "PT Laptop Nusantara Jaya telah diverifikasi" }]);
    const mail = await db.emailOutbox.findMany({ where: { to: user.email } });
    expect(mail).toMatchObject([{ subject: "PT Laptop Nusantara Jaya telah diverifikasi" }]);
  });

  it.each([
    ["npwp", (id: string) => db.vendor.update({ where: { id }, data: { npwp: "" } })],
    ["nib", (id: string) => db.vendor.update({ where: { id }, data: { nib: "" } })],
    ["kbli", (id: string) => db.vendor.update({ where: { id }, data: { kbli: [] } })],
    ["deed", (id: string) => db.vendorDeed.deleteMany({ where: { vendorId: id } })],
    ["deed", (id: string) => db.vendorDeed.updateMany({ where: { vendorId: id }, data: { documentId: null } })],
    ["deed", (id: string) => db.vendorDeed.updateMany({ where: { vendorId: id }, data: { kind: "Akta Perubahan" } })],
    ["permit", (id: string) => db.vendorPermit.deleteMany({ where: { vendorId: id } })],
    ["permit", (id: string) => db.vendorPermit.updateMany({ where: { vendorId: id }, data: { documentId: null } })],
    [
      "permit",
      // expired one millisecond before the database clock reads it
      async (id: string) => {
        const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT segel_now() AS now`;
        await db.vendorPermit.updateMany({ where: { vendorId: id }, data: { validUntil: row!.now } });
      },
    ],
    ["person", (id: string) => db.vendorPerson.updateMany({ where: { vendorId: id }, data: { kind: "KOMISARIS" } })],
  ] as const)("refuses to verify without %s, naming it, and changes nothing", async (item, remove) => {
    const { vendor, user } = await queuedVendor();
    await remove(vendor.id);
    const verifier = await makeActor("VERIFIKATOR");
    const refusal = verifyVendor(verifier, { vendorId: vendor.id });
    await expect(refusal).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "vendorChecklistUnmet" });
    const values = await refusal.catch((e: { values: Record<string, string> }) => e.values);
    expect(Object.entries(values).filter(([, v]) => v === "missing")).toEqual([[item, "missing"]]);
    expect(await statusOf(vendor.id)).toMatchObject({ status: "PENDING", verifiedById: null });
    expect(await db.auditEvent.count()).toBe(0);
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
  });

  it("names every missing item of a company with nothing on file", async () => {
    const { vendor } = await queuedVendor({ complete: false });
    const verifier = await makeActor("VERIFIKATOR");
    const error = await verifyVendor(verifier, { vendorId: vendor.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      messageKey: "vendorChecklistUnmet",
      values: { npwp: "met", nib: "met", kbli: "missing", deed: "missing", permit: "missing", person: "missing" },
    });
  });

  it("does not count another company's document as evidence", async () => {
    const { vendor } = await queuedVendor();
    const other = await makeVendor();
    const foreign = await makeVendorDocument(other.id);
    await db.vendorDeed.updateMany({ where: { vendorId: vendor.id }, data: { documentId: foreign.id } });
    await expect(verifyVendor(await makeActor("VERIFIKATOR"), { vendorId: vendor.id })).rejects.toMatchObject({
      values: expect.objectContaining({ deed: "missing" }),
    });
  });

  it("answers a second decision with who decided and when, and changes nothing", async () => {
    const { vendor, user } = await queuedVendor({ name: "CV Tirta Sentani" });
    const first = await makeActor("VERIFIKATOR");
    const second = await makeActor("VERIFIKATOR");
    const { verifiedAt } = await verifyVendor(first, { vendorId: vendor.id });
    const again = { code: "CONFLICT", messageKey: "vendorAlreadyVerified" };
    await expect(verifyVendor(first, { vendorId: vendor.id })).rejects.toMatchObject({
      ...again,
      values: { name: "CV Tirta Sentani", by: first.name, at: verifiedAt.getTime() },
    });
    await expect(
      rejectVendor(second, { vendorId: vendor.id, reason: "Akta tidak terbaca sama sekali" }),
    ).rejects.toMatchObject(again);
    expect(await statusOf(vendor.id)).toMatchObject({ status: "VERIFIED", verifiedById: first.userId });
    expect(await db.auditEvent.count({ where: { entityId: vendor.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(1);
  });

  it("lets only one of two simultaneous decisions through", async () => {
    const { vendor } = await queuedVendor();
    const [a, b] = [await makeActor("VERIFIKATOR"), await makeActor("VERIFIKATOR")];
    const results = await Promise.allSettled([
      verifyVendor(a, { vendorId: vendor.id }),
      rejectVendor(b, { vendorId: vendor.id, reason: "Izin usaha sudah tidak berlaku" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.auditEvent.count({ where: { entityId: vendor.id } })).toBe(1);
  });

  it("refuses a rejected vendor's second rejection naming the first, and a registration not sent", async () => {
    const { vendor } = await queuedVendor({ name: "PT Cenderawasih Karya" });
    const verifier = await makeActor("VERIFIKATOR");
    const { rejectedAt } = await rejectVendor(verifier, { vendorId: vendor.id, reason: "NIB tidak sesuai OSS." });
    await expect(verifyVendor(verifier, { vendorId: vendor.id })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "vendorAlreadyRejected",
      values: { name: "PT Cenderawasih Karya", by: verifier.name, at: rejectedAt.getTime() },
    });
    const draft = await makeVendor({ status: "PENDING" });
    await completeVendorProfile(draft.id);
    await expect(verifyVendor(verifier, { vendorId: draft.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "vendorNotSubmitted",
    });
  });

  it("refuses a PPK, an auditor, a vendor user, and a Verifikator deciding on their own company", async () => {
    const { vendor, user } = await queuedVendor();
    const ppk = await makeActor("PPK", (await makeAgency()).id);
    const insider = { ...(await makeActor("VERIFIKATOR")), vendorId: vendor.id };
    for (const actor of [ppk, await makeActor("AUDITOR"), actorFor(user), insider]) {
      await expect(verifyVendor(actor, { vendorId: vendor.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        rejectVendor(actor, { vendorId: vendor.id, reason: "Akta tidak terbaca sama sekali" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      if (actor !== insider)
        await expect(getVendorForVerification(actor, vendor.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await statusOf(vendor.id)).toMatchObject({ status: "PENDING", verifiedById: null });
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("rejects with a reason, tells the users the reason and what to do, and records it", async () => {
    const { vendor, user } = await queuedVendor({ complete: false });
    const verifier = await makeActor("VERIFIKATOR");
    const { rejectedAt } = await rejectVendor(verifier, {
      vendorId: vendor.id,
      reason: "  Scan akta pendirian tidak terbaca; unggah ulang.  ",
    });
    expect(await statusOf(vendor.id)).toMatchObject({
      status: "REJECTED",
      rejectedAt,
      verifiedById: verifier.userId,
      rejectionReason: "Scan akta pendirian tidak terbaca; unggah ulang.",
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "vendor.rejected", entityId: vendor.id } });
    expect(audit.data).toMatchObject({ reason: "Scan akta pendirian tidak terbaca; unggah ulang.", notified: 1 });
    const [notice] = await db.notification.findMany({ where: { userId: user.id } });
    expect(notice?.body).toContain("Scan akta pendirian tidak terbaca; unggah ulang.");
    expect(notice?.body).toContain("Kirim untuk verifikasi");
    const [mail] = await db.emailOutbox.findMany({ where: { to: user.email } });
    expect(mail?.text).toContain("Scan akta pendirian tidak terbaca; unggah ulang.");
  });

  it("refuses a reason under 10 characters and changes nothing", async () => {
    const verifier = await makeActor("VERIFIKATOR");
    const { vendor } = await queuedVendor();
    await expect(rejectVendor(verifier, { vendorId: vendor.id, reason: " kurang   " })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { reason: ["rejectionReasonTooShort"] },
    });
    expect((await statusOf(vendor.id)).status).toBe("PENDING");
    expect(await db.notification.count()).toBe(0);
  });

  it("answers NOT_FOUND for an unknown vendor", async () => {
    const verifier = await makeActor("VERIFIKATOR");
    await expect(verifyVendor(verifier, { vendorId: crypto.randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getVendorForVerification(verifier, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows the Verifikator the checklist with its evidence and the standing decision", async () => {
    const { vendor } = await queuedVendor();
    const verifier = await makeActor("VERIFIKATOR");
    const before = await getVendorForVerification(verifier, vendor.id);
    expect(before.checklist.every((r) => r.isMet)).toBe(true);
    expect(before.checklist.find((r) => r.item === "deed")?.evidenceIds).toEqual([before.deeds[0]?.id]);
    expect(before.decision).toBeNull();
    const { verifiedAt } = await verifyVendor(verifier, { vendorId: vendor.id });
    expect((await getVendorForVerification(verifier, vendor.id)).decision).toEqual({
      by: verifier.name,
      at: verifiedAt,
    });
  });
});

describe("the verification queue", () => {
  it("lists vendors that sent their profile, the longest-waiting first, only for a Verifikator", async () => {
    const [a, b] = [(await queuedVendor({ name: "A" })).vendor, (await queuedVendor({ name: "B" })).vendor];
    await makeVendor({ status: "VERIFIED" });
    await makeVendor({ status: "PENDING" }); // registered, not sent
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
