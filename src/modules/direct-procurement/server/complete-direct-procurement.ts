import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { recordDirectProcurementRelease } from "@/modules/open-data";
import { formatRupiah } from "@/lib/money";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { CompleteDirectProcurementInput } from "../direct-procurement.schemas";
import { checkContractValue, priceCeiling } from "../domain/direct-procurement-rules";
import { assertStep, loadOwnDirectPaket, requireDirectProcurement } from "./load-own-direct-paket";

/**
 * Records the result: the contract (SPK/surat pesanan) number and its value, which may
 * not exceed the negotiated price, or the quotation when nothing was negotiated.
 * The paket is then done.
 */
export async function completeDirectProcurement(actor: Actor, input: CompleteDirectProcurementInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const paket = await loadOwnDirectPaket(tx, actor, input.paketId);
    const dp = requireDirectProcurement(paket);
    assertStep("complete", dp.status);
    const ceiling = priceCeiling(dp)!;
    const problem = checkContractValue(input.contractValue, ceiling);
    if (problem) throw new AppError("VALIDATION", problem, { ceiling: formatRupiah(ceiling) });
    const completedAt = await dbNow(tx);
    await tx.directProcurement.update({
      where: { id: dp.id },
      data: {
        status: "COMPLETED",
        contractNumber: input.contractNumber,
        contractValue: input.contractValue,
        completedAt,
      },
    });
    await tx.paket.update({ where: { id: paket.id }, data: { status: "COMPLETED" } });
    await recordAuditEvent(tx, {
      actor,
      action: "directProcurement.completed",
      entityType: "DirectProcurement",
      entityId: dp.id,
      data: {
        paketId: paket.id,
        vendorId: dp.vendorId,
        contractNumber: input.contractNumber,
        contractValue: input.contractValue,
      },
    });
    await recordDirectProcurementRelease(tx, dp.id, "completed", completedAt);
  });
}
