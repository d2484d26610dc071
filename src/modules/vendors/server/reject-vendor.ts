import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { rejectedMessage } from "../domain/decision-messages";
import { REJECTION_REASON_MIN } from "../domain/verification";
import type { RejectVendorInput } from "../vendors.schemas";
import { lockVendorForDecision } from "./decide-vendor";
import { notifyVendorUsers } from "./notify-vendor";

/**
 * A Verifikator sends a registration back with a reason the company can act on; the
 * company's users are told (inbox and e-mail) with the reason, fix the data and send it
 * again.
 */
export async function rejectVendor(
  actor: Actor,
  input: RejectVendorInput,
): Promise<{ rejectedAt: Date; name: string }> {
  const reason = input.reason.trim();
  return db.$transaction(async (tx) => {
    const vendor = await lockVendorForDecision(tx, actor, input.vendorId);
    if (reason.length < REJECTION_REASON_MIN)
      throw new AppError("VALIDATION", "rejectionReasonTooShort", {}, { reason: ["rejectionReasonTooShort"] });
    const now = await dbNow(tx);
    await tx.vendor.update({
      where: { id: vendor.id },
      data: {
        status: "REJECTED",
        rejectionReason: reason,
        rejectedAt: now,
        verifiedAt: null,
        verifiedById: actor.userId,
      },
    });
    const notified = await notifyVendorUsers(tx, vendor.id, rejectedMessage(vendor.displayName, reason));
    await recordAuditEvent(tx, {
      actor,
      action: "vendor.rejected",
      entityType: "Vendor",
      entityId: vendor.id,
      data: { name: vendor.name, reason, rejectedAt: now.toISOString(), notified },
    });
    return { rejectedAt: now, name: vendor.displayName };
  });
}
