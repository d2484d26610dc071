import "server-only";
import type { VendorStatus } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { LEGAL_SECTIONS } from "../domain/verification";
import type { ProfileEntryInput } from "../vendors.schemas";
import { lockOwnVendor, reopenIfVerified } from "./own-vendor";

/** A permit's or deed's document must be one this company uploaded, never another's. */
async function assertOwnDocument(tx: Tx, vendorId: string, documentId: string | null) {
  if (!documentId) return;
  const own = await tx.document.findFirst({ where: { id: documentId, vendorId }, select: { id: true } });
  if (!own) throw new AppError("VALIDATION", "vendorDocumentNotOwn", {}, { documentId: ["vendorDocumentNotOwn"] });
}

async function createEntry(tx: Tx, vendorId: string, entry: ProfileEntryInput, now: Date): Promise<string> {
  const select = { id: true } as const;
  if (entry.section === "permit" || entry.section === "deed") await assertOwnDocument(tx, vendorId, entry.documentId);
  switch (entry.section) {
    case "permit": {
      const { section: _s, ...data } = entry;
      return (await tx.vendorPermit.create({ data: { ...data, vendorId }, select })).id;
    }
    case "deed": {
      // A deed is signed before it is filed; a date ahead of the database clock is a typo.
      if (entry.date > now) throw new AppError("VALIDATION", "dateInFuture", {}, { date: ["dateInFuture"] });
      const { section: _s, ...data } = entry;
      return (await tx.vendorDeed.create({ data: { ...data, vendorId }, select })).id;
    }
    case "person": {
      const { section: _s, ...data } = entry;
      return (await tx.vendorPerson.create({ data: { ...data, vendorId }, select })).id;
    }
    case "experience": {
      // Experience is completed work: a year after this one cannot be claimed yet.
      if (entry.year > now.getUTCFullYear())
        throw new AppError("VALIDATION", "yearInFuture", {}, { year: ["yearInFuture"] });
      const { section: _s, ...data } = entry;
      return (await tx.vendorExperience.create({ data: { ...data, vendorId }, select })).id;
    }
  }
}

/** Adds a permit, deed, person or experience to the company's own profile. */
export async function addProfileEntry(
  actor: Actor,
  entry: ProfileEntryInput,
): Promise<{ id: string; status: VendorStatus }> {
  return db.$transaction(async (tx) => {
    const vendor = await lockOwnVendor(tx, actor);
    const id = await createEntry(tx, vendor.id, entry, await dbNow(tx));
    await recordAuditEvent(tx, {
      actor,
      action: "vendor.profileEntryAdded",
      entityType: "Vendor",
      entityId: vendor.id,
      data: { ...entry, id },
    });
    const isLegal = (LEGAL_SECTIONS as readonly string[]).includes(entry.section);
    const status = isLegal ? await reopenIfVerified(tx, actor, vendor, `${entry.section}.added`) : vendor.status;
    return { id, status };
  });
}
