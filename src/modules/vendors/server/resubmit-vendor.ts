import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { canResubmit } from "../domain/verification";
import { lockOwnVendor } from "./own-vendor";

/**
 * After a rejection the company fixes its data and asks again; it joins the back of the
 * queue (submittedAt = now). The old reason stays in the audit trail.
 */
export async function resubmitVendor(actor: Actor): Promise<{ submittedAt: Date }> {
  return db.$transaction(async (tx) => {
    const vendor = await lockOwnVendor(tx, actor);
    if (!canResubmit(vendor.status)) throw new AppError("INVALID_STATE", "vendorNotRejected");
    const now = await dbNow(tx);
    await tx.vendor.update({
      where: { id: vendor.id },
      data: { status: "PENDING", submittedAt: now, rejectionReason: null },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "vendor.resubmitted",
      entityType: "Vendor",
      entityId: vendor.id,
      data: { submittedAt: now.toISOString() },
    });
    return { submittedAt: now };
  });
}
