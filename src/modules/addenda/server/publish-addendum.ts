import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { tenderChanged } from "@/modules/open-data";
import type { Actor } from "@/modules/auth/domain";
import { addendumPublishedMessage } from "@/modules/notifications/domain";
import { notifyTenderParticipants } from "@/modules/notifications";
import { checkBeforeBidDeadline } from "@/modules/questions/domain";
import { TENDER_CONTEXT, tenderRef } from "@/modules/questions";
import { lockPokjaTender } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { publishAddendumSchema, type PublishAddendumInput } from "../addenda.schemas";
import { extendDeadlineForAddendum } from "./extend-for-addendum";
import { ADDENDUM_ACTION } from "./find-tender-addenda";

/**
 * A Pokja member publishes an addendum to the selection documents: an uploaded ADENDUM
 * document of this tender plus a summary of what changed. Only on an announced tender
 * and before the bid deadline (database clock), since bidders must be able to follow it.
 * The document becomes public and every registered participant is told; an addendum
 * late in the bid window pushes the deadline back (extendDeadlineForAddendum).
 */
export async function publishAddendum(actor: Actor, input: PublishAddendumInput): Promise<{ documentId: string }> {
  const parsed = publishAddendumSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "VALIDATION");
  const { tenderId, documentId, summary } = parsed.data;
  return db.$transaction(async (tx) => {
    // The row lock also makes publishing the same document twice at once take turns.
    const tender = await lockPokjaTender(tx, actor, tenderId, "tender.publishAddendum", {
      ...TENDER_CONTEXT,
      procedure: { select: { addendumMinHours: true } },
    });
    const now = await dbNow(tx);
    const check = checkBeforeBidDeadline(tender.status, tender.stages, now);
    if (!check.ok)
      throw new AppError(
        "INVALID_STATE",
        check.reason === "bidDeadlinePassed" ? "addendumAfterDeadline" : check.reason,
      );
    const document = await tx.document.findUnique({
      where: { id: documentId },
      select: { id: true, kind: true, tenderId: true, fileName: true, sha256: true },
    });
    if (!document || document.kind !== "ADENDUM" || document.tenderId !== tender.id)
      throw new AppError("VALIDATION", "addendumDocumentInvalid");
    const earlier = await tx.auditEvent.findFirst({
      where: {
        action: ADDENDUM_ACTION,
        entityType: "Tender",
        entityId: tender.id,
        data: { path: ["documentId"], equals: documentId },
      },
      select: { seq: true },
    });
    if (earlier) throw new AppError("CONFLICT", "addendumAlreadyPublished");

    await tx.document.update({ where: { id: document.id }, data: { isPublic: true } });
    await recordAuditEvent(tx, {
      actor,
      action: ADDENDUM_ACTION,
      entityType: "Tender",
      entityId: tender.id,
      data: {
        documentId,
        fileName: document.fileName,
        sha256: document.sha256,
        summary,
        bidDeadline: check.deadline.toISOString(),
      },
    });
    await notifyTenderParticipants(tx, tender.id, addendumPublishedMessage(tenderRef(tender), documentId, summary));
    await extendDeadlineForAddendum(tx, actor, tender, documentId, now);
    await tenderChanged(tx, tender.id, "addendum", now);
    return { documentId };
  });
}
