import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkBidSecurity } from "../domain/bid-security";
import { evaluationMethodsFor, isWeighted } from "../domain/procedure-methods";
import { checkWeights, toFieldErrors, type ChecklistItem } from "../domain/publish-checklist";
import { TENDER_CEPAT_EVALUATION } from "../domain/tender-cepat";
import type { UpdateTenderSetupInput } from "../tender.schemas";
import { lockPokjaTender } from "./load-pokja-tender";

/**
 * The Pokja's set-up of a draft tender: qualification (in words, and as KBLI codes and
 * permit kinds the system can check), evaluation method (with weights for sistem nilai)
 * and bid security. What is filled in must be right; what is still
 * missing is allowed in a draft and reported by the publish checklist.
 */
export async function updateTenderSetup(actor: Actor, input: UpdateTenderSetupInput) {
  return db.$transaction(async (tx) => {
    const tender = await lockPokjaTender(tx, actor, input.tenderId, "tender.setup", {
      id: true,
      status: true,
      method: true,
      paket: { select: { category: true, hps: true } },
      procedure: { select: { twoFiles: true, technicalPassingGrade: true } },
    });
    if (tender.status !== "DRAFT") throw new AppError("INVALID_STATE", "tenderSetupLocked");

    const weighted = isWeighted(input.evaluationMethod);
    const offered = evaluationMethodsFor(tender.procedure);
    const data = {
      qualification: input.qualification.trim() || null,
      evaluationMethod: input.evaluationMethod,
      technicalWeight: weighted ? input.technicalWeight : null,
      priceWeight: weighted ? input.priceWeight : null,
      // seleksi: the nilai ambang batas, the procedure's default unless the Pokja set one (configuration, not law)
      technicalPassingGrade: tender.procedure.twoFiles
        ? (input.technicalPassingGrade ?? tender.procedure.technicalPassingGrade)
        : null,
      bidSecurityAmount: input.bidSecurityAmount,
      // not sent: kept as stored (Prisma leaves an undefined field alone)
      requiredKbli: input.requiredKbli,
      requiredPermits: input.requiredPermits,
    };
    const items: ChecklistItem[] = [];
    // the procedure's own methods only (two-file: the consultancy ones), decided by its data
    if (data.evaluationMethod && !offered.includes(data.evaluationMethod))
      items.push({ field: "evaluationMethod", key: "methodNotForProcedure" });
    // Tender Cepat: the winner is the lowest price (Perpres 16/2018 Pasal 50).
    if (
      tender.method === "TENDER_CEPAT" &&
      data.evaluationMethod &&
      data.evaluationMethod !== TENDER_CEPAT_EVALUATION
    ) {
      items.push({ field: "evaluationMethod", key: "cepatPriceOnly" });
    }
    const weights = checkWeights(data.evaluationMethod, data.technicalWeight, data.priceWeight);
    if (weights) items.push({ field: "technicalWeight", key: weights });
    const bidSecurity = checkBidSecurity(tender.paket.category, tender.paket.hps, data.bidSecurityAmount);
    // A draft may still lack the amount; a wrong amount is refused now.
    if (bidSecurity && bidSecurity !== "bidSecurityMissing")
      items.push({ field: "bidSecurityAmount", key: bidSecurity });
    if (items.length) throw new AppError("VALIDATION", "setupInvalid", {}, toFieldErrors(items));

    await tx.tender.update({ where: { id: tender.id }, data });
    await recordAuditEvent(tx, {
      actor,
      action: "tender.setupUpdated",
      entityType: "Tender",
      entityId: tender.id,
      data,
    });
    return { id: tender.id };
  });
}
