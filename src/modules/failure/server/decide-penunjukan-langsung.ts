import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { notify } from "@/modules/notifications";
import { startPenunjukanTender } from "@/modules/penunjukan";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { penunjukanLangsungDecidedMessage } from "../domain/messages";
import { decidePenunjukanLangsungSchema, type DecidePenunjukanLangsungInput } from "../failure.schemas";
import { parseInput, TENDER_REF_SELECT, tenderRef } from "./parse-input";

/**
 * The PA/KPA of the paket's agency approves or rejects a penunjukan langsung request,
 * once, with a note; who and when are kept on the request (approvedById/approvedAt hold
 * the decider either way) and in the audit trail.
 */
export async function decidePenunjukanLangsung(actor: Actor, input: DecidePenunjukanLangsungInput) {
  const { requestId, decision, note } = parseInput(decidePenunjukanLangsungSchema, input);
  return db.$transaction(async (tx) => {
    const found = await tx.penunjukanLangsung.findUnique({
      where: { id: requestId },
      select: { failedTender: { select: { paket: { select: { agencyId: true } } } } },
    });
    if (!found || !can(actor, "penunjukanLangsung.approve", { agencyId: found.failedTender.paket.agencyId }))
      throw new AppError("NOT_FOUND");
    await tx.$queryRaw`SELECT id FROM "PenunjukanLangsung" WHERE id = ${requestId}::uuid FOR UPDATE`;
    const request = await tx.penunjukanLangsung.findUniqueOrThrow({
      where: { id: requestId },
      select: { decision: true, requestedById: true, failedTender: { select: TENDER_REF_SELECT } },
    });
    if (request.decision !== null) throw new AppError("CONFLICT", "plAlreadyDecided");
    const now = await dbNow(tx);
    await tx.penunjukanLangsung.update({
      where: { id: requestId },
      data: { decision, approvedById: actor.userId, approvedAt: now, decisionNote: note },
    });
    // an approval starts the penunjukan itself (docs/decisions/0027)
    const run = decision === "APPROVED" ? await startPenunjukanTender(tx, requestId, actor) : null;
    await recordAuditEvent(tx, {
      actor,
      action: decision === "APPROVED" ? "penunjukanLangsung.approved" : "penunjukanLangsung.rejected",
      entityType: "PenunjukanLangsung",
      entityId: requestId,
      data: { tenderId: request.failedTender.id, note, at: now.toISOString(), penunjukanTenderId: run?.id ?? null },
    });
    await notify(tx, {
      ...penunjukanLangsungDecidedMessage(tenderRef(request.failedTender), decision, note),
      userIds: [request.requestedById],
    });
    return { id: requestId, decision, decidedAt: now, penunjukanTenderId: run?.id ?? null };
  });
}
