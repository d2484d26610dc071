import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { lockVendorForDecision } from "./decide-vendor";

/** A Verifikator confirms a pending registration; from now the company may take part in tenders. */
export async function verifyVendor(actor: Actor, input: { vendorId: string }): Promise<{ verifiedAt: Date }> {
  return db.$transaction(async (tx) => {
    const vendor = await lockVendorForDecision(tx, actor, input.vendorId);
    const now = await dbNow(tx);
    await tx.vendor.update({
      where: { id: vendor.id },
      data: { status: "VERIFIED", verifiedAt: now, verifiedById: actor.userId, rejectionReason: null },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "vendor.verified",
      entityType: "Vendor",
      entityId: vendor.id,
      data: {
        name: vendor.name,
        submittedAt: vendor.submittedAt?.toISOString() ?? null,
        verifiedAt: now.toISOString(),
      },
    });
    return { verifiedAt: now };
  });
}
