import "server-only";
import type { VendorStatus } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { LEGAL_SECTIONS } from "../domain/verification";
import type { ProfileSection } from "../vendors.schemas";
import { lockOwnVendor, reopenIfVerified } from "./own-vendor";

// Scoped by vendorId: an id of another company's entry deletes nothing.
function deleteEntry(tx: Tx, section: ProfileSection, where: { id: string; vendorId: string }) {
  switch (section) {
    case "permit":
      return tx.vendorPermit.deleteMany({ where });
    case "deed":
      return tx.vendorDeed.deleteMany({ where });
    case "person":
      return tx.vendorPerson.deleteMany({ where });
    case "experience":
      return tx.vendorExperience.deleteMany({ where });
  }
}

/** Removes an entry from the company's own profile; removing a permit or deed is a legal change. */
export async function removeProfileEntry(
  actor: Actor,
  input: { section: ProfileSection; id: string },
): Promise<{ status: VendorStatus }> {
  return db.$transaction(async (tx) => {
    const vendor = await lockOwnVendor(tx, actor);
    const { count } = await deleteEntry(tx, input.section, { id: input.id, vendorId: vendor.id });
    if (count === 0) throw new AppError("NOT_FOUND");
    await recordAuditEvent(tx, {
      actor,
      action: "vendor.profileEntryRemoved",
      entityType: "Vendor",
      entityId: vendor.id,
      data: { section: input.section, id: input.id },
    });
    const isLegal = (LEGAL_SECTIONS as readonly string[]).includes(input.section);
    return { status: isLegal ? await reopenIfVerified(tx, actor, vendor, `${input.section}.removed`) : vendor.status };
  });
}
