import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { recordNonTenderRelease } from "@/modules/open-data";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { PublishNonTenderDocumentsInput } from "../non-tender.schemas";

/**
 * Makes the documents attached to a non-tender record public. The record replaces a
 * public tender, so its documents (contract, minutes) are public like a tender's; the
 * upload stores them private first, and this step publishes them.
 */
export async function publishNonTenderDocuments(
  actor: Actor,
  input: PublishNonTenderDocumentsInput,
): Promise<{ published: number }> {
  return db.$transaction(async (tx) => {
    const record = await tx.nonTenderRecord.findUnique({
      where: { id: input.nonTenderRecordId },
      select: { id: true, agencyId: true },
    });
    if (!record || !can(actor, "nonTender.record", { agencyId: record.agencyId })) throw new AppError("NOT_FOUND");
    const pending = await tx.document.findMany({
      where: { nonTenderRecordId: record.id, isPublic: false },
      select: { id: true },
    });
    if (pending.length === 0) return { published: 0 };
    const ids = pending.map((d) => d.id);
    await tx.document.updateMany({ where: { id: { in: ids } }, data: { isPublic: true } });
    await recordAuditEvent(tx, {
      actor,
      action: "nonTender.documentsPublished",
      entityType: "NonTenderRecord",
      entityId: record.id,
      data: { documentIds: ids },
    });
    // the published files join the record's open data
    await recordNonTenderRelease(tx, record.id, await dbNow(tx));
    return { published: ids.length };
  });
}
