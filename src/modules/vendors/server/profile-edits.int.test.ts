import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { actorFor, makeActor, makeVendor, makeVendorUser } from "@/tests/factories";
import { completeVendorProfile, makeVendorDocument } from "../testing/complete-profile";
import type { CompanyInput } from "../vendors.schemas";
import { addProfileEntry } from "./add-profile-entry";
import { removeProfileEntry } from "./remove-profile-entry";
import { submitVendor } from "./submit-vendor";
import { updateCompany } from "./update-company";

async function vendorWithUser(status: "PENDING" | "VERIFIED" | "REJECTED" = "VERIFIED") {
  const vendor = await makeVendor({ status });
  const user = await makeVendorUser(vendor);
  await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  return { vendor, actor: actorFor(user) };
}
const permit = {
  section: "permit" as const,
  kind: "SBU",
  number: "SBU-001",
  issuedBy: "LPJK",
  validUntil: null,
  documentId: null,
};
const person = {
  section: "person" as const,
  kind: "DIREKSI" as const,
  name: "Yohanes Wenda",
  position: "Direktur",
  nik: null,
  education: "S1 Teknik Sipil",
  experienceYears: 12,
};

function companyOf(
  vendor: Awaited<ReturnType<typeof makeVendor>>,
  overrides: Partial<CompanyInput> = {},
): CompanyInput {
  const { name, businessForm, npwp, nib, address, city, province, email, phone, kbli } = vendor;
  return {
    name,
    businessForm: businessForm as CompanyInput["businessForm"],
    npwp,
    nib,
    address,
    city,
    province,
    email,
    phone,
    kbli,
    ...overrides,
  };
}

describe("profile edits", () => {
  it("a permit added to a VERIFIED profile sends it back to PENDING, with both audit rows", async () => {
    const { vendor, actor } = await vendorWithUser();
    const { id, status } = await addProfileEntry(actor, permit);
    expect(status).toBe("PENDING");
    expect(await db.vendorPermit.findUniqueOrThrow({ where: { id }, select: { vendorId: true } })).toEqual({
      vendorId: vendor.id,
    });
    const actions = (
      await db.auditEvent.findMany({
        where: { entityId: vendor.id },
        orderBy: { seq: "asc" },
        select: { action: true },
      })
    ).map((a) => a.action);
    expect(actions).toEqual(["vendor.profileEntryAdded", "vendor.reverificationRequired"]);
    const row = await db.vendor.findUniqueOrThrow({
      where: { id: vendor.id },
      select: { submittedAt: true, verifiedAt: true },
    });
    expect(row.submittedAt).not.toBeNull();
    expect(row.verifiedAt).toBeNull();
  });

  it("a person or an address changes no status; removing a deed does", async () => {
    const { vendor, actor } = await vendorWithUser();
    expect((await addProfileEntry(actor, person)).status).toBe("VERIFIED");
    expect((await updateCompany(actor, companyOf(vendor, { address: "Jl. Baru 2" }))).status).toBe("VERIFIED");
    await db.vendor.update({ where: { id: vendor.id }, data: { status: "VERIFIED" } });
    const deed = await db.vendorDeed.create({
      data: {
        vendorId: vendor.id,
        kind: "Akta Pendirian",
        number: "12",
        date: new Date("2015-01-05"),
        notary: "Notaris Uji",
      },
    });
    expect((await removeProfileEntry(actor, { section: "deed", id: deed.id })).status).toBe("PENDING");
  });

  it("a new NPWP sends a verified profile back; another company's NPWP is refused and nothing changes", async () => {
    const { vendor, actor } = await vendorWithUser();
    const other = await makeVendor();
    await expect(
      updateCompany(actor, companyOf(vendor, { npwp: other.npwp, city: "Kota Baru" })),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { npwp: ["vendorNpwpTaken"] } });
    expect(
      await db.vendor.findUniqueOrThrow({ where: { id: vendor.id }, select: { npwp: true, city: true, status: true } }),
    ).toEqual({ npwp: vendor.npwp, city: vendor.city, status: "VERIFIED" });
    const result = await updateCompany(actor, companyOf(vendor, { npwp: "012345678901234" }));
    expect(result).toEqual({ changed: ["npwp"], status: "PENDING" });
  });

  it("removing another company's entry finds nothing and changes nothing", async () => {
    const { actor } = await vendorWithUser();
    const other = await vendorWithUser();
    const { id } = await addProfileEntry(other.actor, person);
    await expect(removeProfileEntry(actor, { section: "person", id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.vendorPerson.count({ where: { id } })).toBe(1);
  });

  it("refuses experience in a future year and a deed dated after today", async () => {
    const { actor } = await vendorWithUser("PENDING");
    const year = new Date().getUTCFullYear() + 1;
    await expect(
      addProfileEntry(actor, {
        section: "experience",
        contractName: "Jalan",
        client: "Dinas PU",
        contractValue: 1_000_000n,
        year,
        location: "Wamena",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { year: ["yearInFuture"] } });
    await expect(
      addProfileEntry(actor, {
        section: "deed",
        kind: "Akta Perubahan",
        number: "3",
        date: new Date(Date.now() + 3 * 86_400_000),
        notary: "N",
        documentId: null,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.vendorExperience.count()).toBe(0);
  });

  it("re-submits a rejected profile to the back of the queue; refuses when not rejected", async () => {
    const { vendor, actor } = await vendorWithUser("REJECTED");
    await completeVendorProfile(vendor.id);
    await db.vendor.update({
      where: { id: vendor.id },
      data: {
        rejectionReason: "NIB tidak sesuai OSS",
        rejectedAt: new Date("2026-01-02T00:00:00Z"),
        submittedAt: new Date("2026-01-01T00:00:00Z"),
      },
    });
    const { submittedAt } = await submitVendor(actor);
    expect(
      await db.vendor.findUniqueOrThrow({
        where: { id: vendor.id },
        select: { status: true, submittedAt: true, rejectionReason: true, rejectedAt: true },
      }),
    ).toEqual({ status: "PENDING", submittedAt, rejectionReason: null, rejectedAt: null });
    await expect(submitVendor(actor)).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "vendorNotSubmittable",
    });
    expect(await db.auditEvent.count({ where: { action: "vendor.resubmitted" } })).toBe(1);
  });

  it("sends a new registration once complete, refusing it before with what is missing", async () => {
    const { vendor, actor } = await vendorWithUser("PENDING");
    await expect(submitVendor(actor)).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "vendorChecklistUnmet",
      values: expect.objectContaining({ deed: "missing", permit: "missing", person: "missing" }),
    });
    expect(await db.vendor.findUniqueOrThrow({ where: { id: vendor.id }, select: { submittedAt: true } })).toEqual({
      submittedAt: null,
    });
    await completeVendorProfile(vendor.id);
    const { submittedAt } = await submitVendor(actor);
    expect(submittedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { action: "vendor.submitted", entityId: vendor.id } })).toBe(1);
    const verified = await vendorWithUser("VERIFIED");
    await expect(submitVendor(verified.actor)).rejects.toMatchObject({ messageKey: "vendorNotSubmittable" });
  });

  it("refuses to send for anyone but the company's own users", async () => {
    await expect(submitVendor(await makeActor("VERIFIKATOR"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("attaches the company's own document to a deed, and refuses another company's", async () => {
    const { vendor, actor } = await vendorWithUser("PENDING");
    const own = await makeVendorDocument(vendor.id);
    const foreign = await makeVendorDocument((await makeVendor()).id);
    const deed = {
      section: "deed" as const,
      kind: "Akta Pendirian",
      number: "7",
      date: new Date("2020-01-01T00:00:00+07:00"),
      notary: "N",
    };
    await expect(addProfileEntry(actor, { ...deed, documentId: foreign.id })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { documentId: ["vendorDocumentNotOwn"] },
    });
    expect(await db.vendorDeed.count()).toBe(0);
    const { id } = await addProfileEntry(actor, { ...deed, documentId: own.id });
    expect(await db.vendorDeed.findUniqueOrThrow({ where: { id }, select: { documentId: true } })).toEqual({
      documentId: own.id,
    });
  });
});
