import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { verifiedMessage } from "../domain/decision-messages";
import { lockVendorForDecision } from "./decide-vendor";
import { notifyVendorUsers } from "./notify-vendor";
import { assertChecklistMet, loadChecklist } from "./vendor-checklist";

/**
 * A Verifikator confirms a pending registration whose checklist is met (checked here, at
 * the database time, on the locked row); from now the company may take part in tenders.
 * Its users are told in their inbox and by e-mail.
 */
export async function verifyVendor(
  actor: Actor,
  input: { vendorId: string },
): Promise<{ verifiedAt: Date; name: string }> {
  return db.$transaction(async (tx) => {
    const vendor = await lockVendorForDecision(tx, actor, input.vendorId);
    const now = await dbNow(tx);
    assertChecklistMet(await loadChecklist(tx, vendor.id, now));
    await tx.vendor.update({
      where: { id: vendor.id },
      data: {
        status: "VERIFIED",
        verifiedAt: now,
        verifiedById: actor.userId,
        rejectionReason: null,
        rejectedAt: null,
      },
    });
    const notified = await notifyVendorUsers(tx, vendor.id, verifiedMessage(vendor.displayName));
    await recordAuditEvent(tx, {
      actor,
      action: "vendor.verified",
      entityType: "Vendor",
      entityId: vendor.id,
      data: {
        name: vendor.name,
        submittedAt: vendor.submittedAt?.toISOString() ?? null,
        verifiedAt: now.toISOString(),
        notified,
      },
    });
    return { verifiedAt: now, name: vendor.displayName };
  });
}
