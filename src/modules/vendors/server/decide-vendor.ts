import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { canDecide } from "../domain/verification";

/**
 * What a Verifikator's decision starts with: the permission, the vendor locked, and the
 * state (only PENDING). A Verifikator never decides on a company they belong to.
 */
export async function lockVendorForDecision(tx: Tx, actor: Actor, vendorId: string) {
  if (!can(actor, "vendor.verify")) throw new AppError("FORBIDDEN");
  if (actor.vendorId === vendorId) throw new AppError("FORBIDDEN", "ownVendorDecision");
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Vendor" WHERE id = ${vendorId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND");
  const vendor = await tx.vendor.findUniqueOrThrow({
    where: { id: vendorId },
    select: { id: true, name: true, status: true, submittedAt: true },
  });
  if (!canDecide(vendor.status)) throw new AppError("INVALID_STATE", "vendorNotPending");
  return vendor;
}
