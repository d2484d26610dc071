import "server-only";
import type { VendorStatus } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/modules/audit";
import { hasRole, type Actor } from "@/modules/auth/domain";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { statusAfterLegalChange } from "../domain/verification";

/** The vendor a PENYEDIA user belongs to; nobody else has one. */
export function ownVendorId(actor: Actor): string {
  if (!hasRole(actor, "PENYEDIA") || !actor.vendorId) throw new AppError("FORBIDDEN");
  return actor.vendorId;
}

/**
 * Locks the actor's own vendor row for the transaction, so an edit and a Verifikator's
 * decision take turns: a decision never lands on data it did not see change.
 */
export async function lockOwnVendor(tx: Tx, actor: Actor) {
  const id = ownVendorId(actor);
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Vendor" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND");
  return tx.vendor.findUniqueOrThrow({
    where: { id },
    select: { id: true, name: true, status: true, submittedAt: true, npwp: true, nib: true },
  });
}

/**
 * After a change to legal data (name, form, NPWP, NIB, permits, deeds) a VERIFIED vendor
 * goes back to the queue: what the LPSE verified must be what is on file.
 */
export async function reopenIfVerified(
  tx: Tx,
  actor: Actor,
  vendor: { id: string; status: VendorStatus },
  change: string,
): Promise<VendorStatus> {
  const status = statusAfterLegalChange(vendor.status);
  if (status === vendor.status) return status;
  const now = await dbNow(tx);
  await tx.vendor.update({
    where: { id: vendor.id },
    data: { status, submittedAt: now, verifiedAt: null, verifiedById: null },
  });
  await recordAuditEvent(tx, {
    actor,
    action: "vendor.reverificationRequired",
    entityType: "Vendor",
    entityId: vendor.id,
    data: { change, submittedAt: now.toISOString() },
  });
  return status;
}
