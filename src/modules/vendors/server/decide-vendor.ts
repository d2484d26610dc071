import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { companyName } from "../domain/company-name";
import { canDecide } from "../domain/verification";

/**
 * What a Verifikator's decision starts with: the permission, the vendor locked, and the
 * state (pending and sent). A Verifikator never decides on a company they belong to. A
 * second decision (a double click, two Verifikator at once) waits for the lock and is
 * then told who decided and when; it changes nothing.
 */
export async function lockVendorForDecision(tx: Tx, actor: Actor, vendorId: string) {
  if (!can(actor, "vendor.verify")) throw new AppError("FORBIDDEN");
  if (actor.vendorId === vendorId) throw new AppError("FORBIDDEN", "ownVendorDecision");
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Vendor" WHERE id = ${vendorId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND");
  const vendor = await tx.vendor.findUniqueOrThrow({
    where: { id: vendorId },
    select: {
      id: true,
      name: true,
      businessForm: true,
      status: true,
      submittedAt: true,
      verifiedAt: true,
      rejectedAt: true,
      verifiedBy: { select: { name: true } },
    },
  });
  if (canDecide(vendor)) return { ...vendor, displayName: companyName(vendor) };
  const decidedAt = vendor.status === "VERIFIED" ? vendor.verifiedAt : vendor.rejectedAt;
  if (vendor.status !== "PENDING" && vendor.verifiedBy && decidedAt)
    throw new AppError("CONFLICT", vendor.status === "VERIFIED" ? "vendorAlreadyVerified" : "vendorAlreadyRejected", {
      name: companyName(vendor),
      by: vendor.verifiedBy.name,
      at: decidedAt.getTime(),
    });
  throw new AppError("INVALID_STATE", vendor.status === "PENDING" ? "vendorNotSubmitted" : "vendorNotPending");
}
