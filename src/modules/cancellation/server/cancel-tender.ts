import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput, tenderRef } from "@/modules/failure";
import { notify, notifyTenderParticipants } from "@/modules/notifications";
import { applyTenderEvent, lockPokjaTender } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { cancelTenderSchema, type CancelTenderInput } from "../cancellation.schemas";
import { checkCancel } from "../domain/cancellation-rules";
import { paketReturnedMessage, tenderCancelledMessage } from "../domain/messages";

const TENDER = {
  id: true,
  code: true,
  status: true,
  paketId: true,
  paket: { select: { name: true, createdById: true, agency: { select: { timeZone: true } } } },
} as const;

/**
 * Tender batal (domain/cancellation-rules.ts; docs/decisions/0023): a member of the
 * tender's Pokja stops the selection before the SPPBJ, on a ground, with a public reason
 * and the letters it rests on (PEMBATALAN documents uploaded to the tender beforehand).
 * In one transaction: the lifecycle's `cancelled` event (status, cancelledAt, endReason,
 * no more looks by the worker, its audit event), the letters made public if the tender was
 * announced, the paket back to the PPK as a draft (recorded), and the bidders and the PPK
 * told. The tender row lock orders it with a bid being submitted (which holds the row FOR
 * KEY SHARE), the opening and the award: whichever comes second sees the other's result.
 */
export async function cancelTender(actor: Actor, input: CancelTenderInput) {
  const { tenderId, ground, reason, documentIds } = parseInput(cancelTenderSchema, input);
  return db.$transaction(async (tx) => {
    const tender = await lockPokjaTender(tx, actor, tenderId, "tender.cancel", TENDER);
    const ids = [...new Set(documentIds)];
    const documents = await tx.document.findMany({
      where: { id: { in: ids }, tenderId, kind: "PEMBATALAN" },
      orderBy: { createdAt: "asc" },
      select: { id: true, fileName: true, sha256: true },
    });
    if (documents.length !== ids.length)
      throw new AppError("VALIDATION", "cancelDocumentInvalid", {}, { documentIds: ["cancelDocumentInvalid"] });
    const check = checkCancel(tender.status, ground, documents.length);
    if (!check.ok)
      throw new AppError(check.code, check.key, {}, check.field ? { [check.field]: [check.key] } : undefined);

    const now = await dbNow(tx);
    // A draft was never announced: its cancellation stays with the agency and the audit log.
    const wasAnnounced = tender.status !== "DRAFT";
    if (wasAnnounced && ids.length)
      await tx.document.updateMany({ where: { id: { in: ids } }, data: { isPublic: true } });
    await applyTenderEvent(
      tx,
      tenderId,
      { kind: "cancelled", endReason: reason },
      {
        actor,
        now,
        audit: { code: tender.code, ground, documents, paketReturned: true },
      },
    );
    await tx.paket.update({ where: { id: tender.paketId }, data: { status: "DRAFT" } });
    await recordAuditEvent(tx, {
      actor,
      action: "paket.returnedToPpk",
      entityType: "Paket",
      entityId: tender.paketId,
      data: { tenderId, tenderCode: tender.code, because: "tender.cancelled" },
    });
    const ref = tenderRef(tender);
    await notifyTenderParticipants(tx, tenderId, tenderCancelledMessage(ref, reason));
    await notify(tx, { ...paketReturnedMessage(ref, tender.paketId, reason), userIds: [tender.paket.createdById] });
    return { id: tenderId, cancelledAt: now };
  });
}
