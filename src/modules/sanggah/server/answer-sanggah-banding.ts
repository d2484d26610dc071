import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { answerRoundStart, isInAnswerRound } from "../domain/answer-round";
import { isBandingAnswerLate } from "../domain/filing-rules";
import { bandingAnsweredMessage } from "../domain/messages";
import { answerBandingSchema, type AnswerBandingInput } from "../sanggah.schemas";
import { lockSanggahContext, vendorUserIds } from "./sanggah-context";
import { findLastWithdrawal, withdrawAwardOnAcceptance } from "./withdraw-award";

/**
 * The PA/KPA of the paket's agency answers a sanggah banding, once, within 14 calendar
 * days of its filing (Perlem LKPP 12/2021); a late answer is taken and recorded as late,
 * since the tender cannot go on without it. Accepted: the bond goes back to the vendor,
 * the award is withdrawn in the same transaction (withdraw-award.ts), and the evaluation
 * is redone or the tender fails. Rejected: the bond is forfeited to
 * the state or regional treasury. Segel records which; the money moves outside it.
 */
export async function answerSanggahBanding(actor: Actor, input: AnswerBandingInput) {
  const { bandingId, verdict: decision, answer } = parseInput(answerBandingSchema, input);
  return db.$transaction(async (tx) => {
    const found = await tx.sanggah.findUnique({
      where: { id: bandingId },
      select: { kind: true, tenderId: true, tender: { select: { paket: { select: { agencyId: true } } } } },
    });
    if (
      !found ||
      found.kind !== "SANGGAH_BANDING" ||
      !can(actor, "sanggahBanding.answer", { agencyId: found.tender.paket.agencyId })
    )
      throw new AppError("NOT_FOUND");
    const { tender, rules, ref, pokjaUserIds } = await lockSanggahContext(tx, found.tenderId);
    const banding = await tx.sanggah.findUniqueOrThrow({
      where: { id: bandingId },
      select: { vendorId: true, filedAt: true, answeredAt: true, bondAmount: true },
    });
    if (banding.answeredAt) throw new AppError("CONFLICT", "sanggahAlreadyAnswered");
    if (!isInAnswerRound(banding.filedAt, answerRoundStart(tender, await findLastWithdrawal(tx, tender.id))))
      throw new AppError("INVALID_STATE", "sanggahNotAnswerable");
    const now = await dbNow(tx);
    const isLate = isBandingAnswerLate(banding.filedAt, rules, now);
    await tx.sanggah.update({
      where: { id: bandingId },
      data: { answer, decision, answeredById: actor.userId, answeredAt: now },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "sanggah.bandingAnswered",
      entityType: "Sanggah",
      entityId: bandingId,
      data: {
        tenderId: tender.id,
        decision,
        answer,
        isLate,
        bondAmount: banding.bondAmount,
        bondOutcome: decision === "ACCEPTED" ? "DIKEMBALIKAN" : "DICAIRKAN",
        at: now.toISOString(),
      },
    });
    if (decision === "ACCEPTED")
      await withdrawAwardOnAcceptance(tx, actor, tender, { id: bandingId, kind: "SANGGAH_BANDING" }, ref, now);
    const userIds = [...(await vendorUserIds(tx, banding.vendorId)), ...pokjaUserIds];
    await notify(tx, { ...bandingAnsweredMessage(ref, decision, answer), userIds });
    return { id: bandingId, decision, isLate };
  });
}
