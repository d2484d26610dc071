import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { takeTenderCode } from "@/modules/handover";
import { notify } from "@/modules/notifications";
import { procedureFor } from "@/modules/tenders/domain";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { penunjukanStartedMessage } from "../domain/messages";

/**
 * When the PA/KPA approves a penunjukan langsung, it becomes a DRAFT tender of the same
 * paket and Pokja with method PENUNJUKAN_LANGSUNG and that method's procedure, linked to
 * the failed tender ulang (previousTenderId) and to the request (tenderId). From there it
 * runs like any tender (docs/decisions/0027): the Pokja sets the schedule and documents,
 * and publishing it invites the chosen vendor. Runs in the approval's transaction.
 */
export async function startPenunjukanTender(tx: Tx, requestId: string, actor: Actor) {
  const request = await tx.penunjukanLangsung.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      failedTender: {
        select: {
          id: true,
          code: true,
          pokjaId: true,
          qualification: true,
          evaluationMethod: true,
          technicalWeight: true,
          priceWeight: true,
          bidSecurityAmount: true,
          pokja: { select: { members: { select: { userId: true } } } },
          paket: {
            select: { id: true, name: true, category: true, fiscalYear: true, agency: { select: { timeZone: true } } },
          },
        },
      },
    },
  });
  const failed = request.failedTender;
  const procedures = await tx.procedureConfig.findMany({ select: { id: true, method: true, categories: true } });
  const procedure = procedureFor(procedures, "PENUNJUKAN_LANGSUNG", failed.paket.category);
  if (!procedure) throw new AppError("INVALID_STATE", "plNoProcedure");
  const code = await takeTenderCode(tx, failed.paket.fiscalYear);
  const tender = await tx.tender.create({
    data: {
      paketId: failed.paket.id,
      code,
      method: "PENUNJUKAN_LANGSUNG",
      pokjaId: failed.pokjaId,
      procedureId: procedure.id,
      qualification: failed.qualification,
      evaluationMethod: failed.evaluationMethod,
      technicalWeight: failed.technicalWeight,
      priceWeight: failed.priceWeight,
      bidSecurityAmount: failed.bidSecurityAmount,
      previousTenderId: failed.id,
    },
    select: { id: true, code: true },
  });
  await tx.penunjukanLangsung.update({ where: { id: requestId }, data: { tenderId: tender.id } });
  await recordAuditEvent(tx, {
    actor,
    action: "penunjukanLangsung.started",
    entityType: "Tender",
    entityId: tender.id,
    data: { code, requestId, failedTenderId: failed.id, failedCode: failed.code, procedureId: procedure.id },
  });
  const ref = { id: tender.id, code, name: failed.paket.name, timeZone: failed.paket.agency.timeZone };
  await notify(tx, {
    ...penunjukanStartedMessage(ref, failed.code),
    userIds: failed.pokja?.members.map((m) => m.userId) ?? [],
  });
  return tender;
}
