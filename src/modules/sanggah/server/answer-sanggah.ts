import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { assertPokjaAccess } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { answerRoundStart, isInAnswerRound } from "../domain/answer-round";
import { isSanggahAnswerLate } from "../domain/filing-rules";
import { sanggahAnsweredMessage } from "../domain/messages";
import { answerSanggahSchema, type AnswerSanggahInput } from "../sanggah.schemas";
import { lockSanggahContext, vendorUserIds } from "./sanggah-context";
import { findLastWithdrawal, withdrawAwardOnAcceptance } from "./withdraw-award";

/**
 * A member of the tender's Pokja answers a sanggah, once: accepted or rejected, with the
 * reasons (Perlem LKPP 12/2021: within 3 calendar days after the masa sanggah). Answering
 * may start as soon as it is filed. After the deadline the answer is still taken and
 * recorded as late: the Pokja must answer, and the SPPBJ waits for it. Accepted: the award
 * is withdrawn in the same transaction (withdraw-award.ts); the other objections of the
 * round may still be answered while the tender is back in evaluation.
 */
export async function answerSanggah(actor: Actor, input: AnswerSanggahInput) {
  const { sanggahId, verdict: decision, answer } = parseInput(answerSanggahSchema, input);
  return db.$transaction(async (tx) => {
    const found = await tx.sanggah.findUnique({ where: { id: sanggahId }, select: { tenderId: true, kind: true } });
    if (!found || found.kind !== "SANGGAH") throw new AppError("NOT_FOUND");
    await assertPokjaAccess(tx, actor, found.tenderId, "tender.answerSanggah");
    const { tender, rules, ref } = await lockSanggahContext(tx, found.tenderId);
    const sanggah = await tx.sanggah.findUniqueOrThrow({
      where: { id: sanggahId },
      select: { vendorId: true, answeredAt: true, filedAt: true },
    });
    if (sanggah.answeredAt) throw new AppError("CONFLICT", "sanggahAlreadyAnswered");
    const roundStart = answerRoundStart(tender, await findLastWithdrawal(tx, tender.id));
    if (!isInAnswerRound(sanggah.filedAt, roundStart)) throw new AppError("INVALID_STATE", "sanggahNotAnswerable");
    const now = await dbNow(tx);
    const isLate = isSanggahAnswerLate(roundStart, rules, now);
    await tx.sanggah.update({
      where: { id: sanggahId },
      data: { answer, decision, answeredById: actor.userId, answeredAt: now },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "sanggah.answered",
      entityType: "Sanggah",
      entityId: sanggahId,
      data: { tenderId: tender.id, decision, answer, isLate, at: now.toISOString() },
    });
    // the objection is right: the announced award no longer stands (Perpres 16/2018 jo. 12/2021 Pasal 50)
    if (decision === "ACCEPTED")
      await withdrawAwardOnAcceptance(tx, actor, tender, { id: sanggahId, kind: "SANGGAH" }, ref, now);
    await notify(tx, {
      ...sanggahAnsweredMessage(ref, decision, answer),
      userIds: await vendorUserIds(tx, sanggah.vendorId),
    });
    return { id: sanggahId, decision, isLate };
  });
}
