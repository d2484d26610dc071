import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { canSubmit } from "../domain/verification";
import { lockOwnVendor } from "./own-vendor";
import { assertChecklistMet, loadChecklist } from "./vendor-checklist";

/**
 * The company sends its profile to the Verifikator: a new registration once it is
 * complete, or a rejected one after fixing it (the old reason stays in the audit trail).
 * It joins the back of the queue (submittedAt = now). A profile that does not meet the
 * checklist is refused here, with what is missing, rather than by the Verifikator later,
 * and so is a sender whose e-mail address is not confirmed yet.
 */
export async function submitVendor(actor: Actor): Promise<{ submittedAt: Date }> {
  return db.$transaction(async (tx) => {
    const vendor = await lockOwnVendor(tx, actor);
    if (!canSubmit(vendor)) throw new AppError("INVALID_STATE", "vendorNotSubmittable");
    // the one who sends must be reachable at their address: the decision is mailed to it
    const sender = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { emailVerifiedAt: true } });
    if (!sender.emailVerifiedAt) throw new AppError("INVALID_STATE", "vendorEmailNotConfirmed");
    const now = await dbNow(tx);
    assertChecklistMet(await loadChecklist(tx, vendor.id, now));
    await tx.vendor.update({
      where: { id: vendor.id },
      data: { status: "PENDING", submittedAt: now, rejectionReason: null, rejectedAt: null },
    });
    await recordAuditEvent(tx, {
      actor,
      action: vendor.status === "REJECTED" ? "vendor.resubmitted" : "vendor.submitted",
      entityType: "Vendor",
      entityId: vendor.id,
      data: { submittedAt: now.toISOString() },
    });
    return { submittedAt: now };
  });
}
