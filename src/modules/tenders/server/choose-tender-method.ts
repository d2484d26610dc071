import "server-only";
import type { ProcurementMethod } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { procedureFor } from "../domain/procedure";
import {
  methodChangeRefusal,
  TENDER_CEPAT_BASIS,
  TENDER_CEPAT_EVALUATION,
  type TenderMethod,
} from "../domain/tender-cepat";
import { lockPokjaTender } from "./load-pokja-tender";

/**
 * The Pokja runs a draft tender as a Tender Cepat, or back as a tender
 * (domain/tender-cepat.ts). The tender takes the method's procedure (stages, minimum
 * bids, sanggah), so a schedule saved for the other procedure is dropped and the set-up
 * proposes the new one's default; a Tender Cepat is judged on price alone.
 */
export async function chooseTenderMethod(actor: Actor, input: { tenderId: string; method: TenderMethod }) {
  return db.$transaction(async (tx) => {
    const tender = await lockPokjaTender(tx, actor, input.tenderId, "tender.setup", {
      id: true,
      status: true,
      method: true,
      evaluationMethod: true,
      procedure: { select: { key: true } },
      paket: { select: { method: true, category: true } },
    });
    const procedures = await tx.procedureConfig.findMany({
      select: { id: true, key: true, method: true, categories: true },
    });
    const refusal = methodChangeRefusal(
      {
        status: tender.status,
        method: tender.method,
        paketMethod: tender.paket.method,
        category: tender.paket.category,
      },
      input.method,
      procedures,
    );
    if (refusal === "tenderSetupLocked") throw new AppError("INVALID_STATE", refusal);
    if (refusal) throw new AppError("VALIDATION", refusal, {}, { method: [refusal] });
    if (tender.method === input.method) return { id: tender.id, changed: false };

    const procedure = procedureFor(procedures, input.method satisfies ProcurementMethod, tender.paket.category)!;
    const isCepat = input.method === "TENDER_CEPAT";
    await tx.tender.update({
      where: { id: tender.id },
      data: isCepat
        ? {
            method: input.method,
            procedureId: procedure.id,
            evaluationMethod: TENDER_CEPAT_EVALUATION,
            technicalWeight: null,
            priceWeight: null,
          }
        : { method: input.method, procedureId: procedure.id },
    });
    const dropped = await tx.tenderStage.deleteMany({ where: { tenderId: tender.id } });
    await recordAuditEvent(tx, {
      actor,
      action: "tender.methodChanged",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        from: tender.method,
        to: input.method,
        procedure: procedure.key,
        previousProcedure: tender.procedure.key,
        evaluationMethod: isCepat ? TENDER_CEPAT_EVALUATION : tender.evaluationMethod,
        scheduleStagesDropped: dropped.count,
        legalBasis: isCepat ? TENDER_CEPAT_BASIS : null,
      },
    });
    return { id: tender.id, changed: true };
  });
}
