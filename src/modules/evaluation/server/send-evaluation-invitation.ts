import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { findParticipantUserIds, notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { invitationMessage } from "../domain/invitation";
import type { SendInvitationInput } from "../evaluation.schemas";
import { EVALUATED_BIDS, lockEvaluatingTender } from "./evaluation-context";

/**
 * The Pokja invites chosen bidders to pembuktian kualifikasi or to klarifikasi/negosiasi
 * (Perlem LKPP 12/2021, Lampiran II): when (after now by the database clock), where, and
 * what to bring. Only during evaluation, only bids under evaluation of this tender. The
 * invitation, its audit event and the invited vendors' notifications (inbox and e-mail)
 * are one transaction. With prakualifikasi there is no pembuktian to invite to (it was
 * done in the prakualifikasi: domain/pembuktian.ts).
 */
export async function sendEvaluationInvitation(actor: Actor, input: SendInvitationInput) {
  return db.$transaction(async (tx) => {
    const tender = await lockEvaluatingTender(tx, actor, input.tenderId);
    if (tender.hasPrakualifikasi && input.kind === "PEMBUKTIAN")
      throw new AppError("INVALID_STATE", "pembuktianInPrakualifikasi");
    const bidIds = [...new Set(input.bidIds)];
    const bids = await tx.bid.findMany({
      where: { id: { in: bidIds }, tenderId: tender.id, ...EVALUATED_BIDS },
      select: { id: true, vendorId: true, vendor: { select: { name: true } } },
    });
    if (bids.length !== bidIds.length) throw new AppError("NOT_FOUND");
    const now = await dbNow(tx);
    if (input.at.getTime() <= now.getTime())
      throw new AppError("VALIDATION", "VALIDATION", {}, { at: ["invitationAtPast"] });

    const invitation = await tx.evaluationInvitation.create({
      data: {
        tenderId: tender.id,
        kind: input.kind,
        at: input.at,
        place: input.place,
        note: input.note,
        sentById: actor.userId,
        sentAt: now,
        bids: { create: bids.map((b) => ({ bidId: b.id })) },
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "evaluation.invitationSent",
      entityType: "Tender",
      entityId: tender.id,
      data: {
        invitationId: invitation.id,
        kind: input.kind,
        at: input.at.toISOString(),
        place: input.place,
        note: input.note,
        bids: bids.map((b) => ({ bidId: b.id, vendorId: b.vendorId, vendorName: b.vendor.name })),
        sentAt: now.toISOString(),
      },
    });
    const ref = { id: tender.id, code: tender.code, name: tender.paket.name, timeZone: tender.paket.agency.timeZone };
    const userIds = await findParticipantUserIds(tx, tender.id, { vendorIds: bids.map((b) => b.vendorId) });
    const notified = await notify(tx, { ...invitationMessage(ref, input), userIds });
    return { id: invitation.id, notified };
  });
}
