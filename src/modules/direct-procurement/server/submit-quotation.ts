import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { formatRupiah } from "@/lib/money";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { SubmitQuotationInput } from "../direct-procurement.schemas";
import { checkQuotation } from "../domain/direct-procurement-rules";
import { assertStep } from "./load-own-direct-paket";

/**
 * The invited vendor sends its price quotation, once. It may not exceed the paket's HPS
 * (Perpres 16/2018 art. 26(5)(b): the HPS is the ceiling of a valid offer).
 */
export async function submitQuotation(actor: Actor, input: SubmitQuotationInput): Promise<void> {
  if (!can(actor, "directProcurement.quote") || !actor.vendorId) throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "DirectProcurement" WHERE id = ${input.directProcurementId}::uuid FOR UPDATE`;
    const dp = await tx.directProcurement.findUnique({
      where: { id: input.directProcurementId },
      select: { id: true, vendorId: true, status: true, paket: { select: { id: true, hps: true } } },
    });
    if (!dp || dp.vendorId !== actor.vendorId) throw new AppError("NOT_FOUND");
    assertStep("quote", dp.status);
    if (dp.paket.hps === null) throw new AppError("INVALID_STATE", "paketHasNoHps");
    const problem = checkQuotation(input.price, dp.paket.hps);
    if (problem) throw new AppError("VALIDATION", problem, { hps: formatRupiah(dp.paket.hps) });
    const quotedAt = await dbNow(tx);
    await tx.directProcurement.update({
      where: { id: dp.id },
      data: { status: "QUOTED", quotedPrice: input.price, quotedAt },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "directProcurement.quoted",
      entityType: "DirectProcurement",
      entityId: dp.id,
      data: { paketId: dp.paket.id, vendorId: dp.vendorId, quotedPrice: input.price },
    });
  });
}
