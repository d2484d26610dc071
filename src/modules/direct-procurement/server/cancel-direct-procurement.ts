import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { recordDirectProcurementRelease } from "@/modules/open-data";
import { db, dbNow } from "@/server/db";
import type { CancelDirectProcurementInput } from "../direct-procurement.schemas";
import { assertStep, loadOwnDirectPaket, requireDirectProcurement } from "./load-own-direct-paket";

/**
 * Cancels a pengadaan langsung that is still open, with a reason kept in the audit
 * trail. The paket is cancelled with it: one paket holds one direct procurement
 * (DirectProcurement.paketId is unique), so another attempt needs a new paket.
 */
export async function cancelDirectProcurement(actor: Actor, input: CancelDirectProcurementInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const paket = await loadOwnDirectPaket(tx, actor, input.paketId);
    const dp = requireDirectProcurement(paket);
    assertStep("cancel", dp.status);
    await tx.directProcurement.update({ where: { id: dp.id }, data: { status: "CANCELLED" } });
    await tx.paket.update({ where: { id: paket.id }, data: { status: "CANCELLED" } });
    await recordAuditEvent(tx, {
      actor,
      action: "directProcurement.cancelled",
      entityType: "DirectProcurement",
      entityId: dp.id,
      data: { paketId: paket.id, previousStatus: dp.status, reason: input.reason },
    });
    await recordDirectProcurementRelease(tx, dp.id, "cancelled", await dbNow(tx));
  });
}
