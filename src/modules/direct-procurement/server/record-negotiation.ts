import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { formatRupiah } from "@/lib/money";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { RecordNegotiationInput } from "../direct-procurement.schemas";
import { checkNegotiatedPrice, priceCeiling } from "../domain/direct-procurement-rules";
import { assertStep, loadOwnDirectPaket, requireDirectProcurement } from "./load-own-direct-paket";

/**
 * The Pejabat Pengadaan records the outcome of clarification and negotiation (Perlem
 * LKPP 12/2021). Rounds may repeat; each may only lower the price agreed so far.
 */
export async function recordNegotiation(actor: Actor, input: RecordNegotiationInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const paket = await loadOwnDirectPaket(tx, actor, input.paketId);
    const dp = requireDirectProcurement(paket);
    assertStep("negotiate", dp.status);
    const ceiling = priceCeiling(dp)!;
    const problem = checkNegotiatedPrice(input.price, ceiling);
    if (problem) throw new AppError("VALIDATION", problem, { ceiling: formatRupiah(ceiling) });
    await tx.directProcurement.update({
      where: { id: dp.id },
      data: { status: "NEGOTIATED", negotiatedPrice: input.price, negotiationNote: input.note },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "directProcurement.negotiated",
      entityType: "DirectProcurement",
      entityId: dp.id,
      data: { paketId: paket.id, previousPrice: ceiling, negotiatedPrice: input.price, note: input.note },
    });
  });
}
