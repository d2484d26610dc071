import "server-only";
import { formatInZone } from "@/lib/time";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { questionAskedMessage } from "@/modules/notifications/domain";
import { notify } from "@/modules/notifications";
import { assertMayBid } from "@/modules/seleksi";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkAskWindow } from "../domain/question-rules";
import { askQuestionSchema, type AskQuestionInput } from "../questions.schemas";
import { assertParticipant, TENDER_CONTEXT, tenderRef } from "./tender-context";

/**
 * A registered, verified vendor asks a question during pemberian penjelasan. The Pokja
 * is told; the question becomes public at once, without the asker's identity.
 */
export async function askQuestion(actor: Actor, input: AskQuestionInput): Promise<{ id: string }> {
  const parsed = askQuestionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "VALIDATION");
  const { tenderId, body } = parsed.data;
  return db.$transaction(async (tx) => {
    const { vendorId } = await assertParticipant(tx, actor, tenderId);
    await assertMayBid(tx, tenderId, vendorId);
    const tender = await tx.tender.findUniqueOrThrow({ where: { id: tenderId }, select: TENDER_CONTEXT });
    const now = await dbNow(tx);
    const check = checkAskWindow(tender.status, tender.stages, now);
    if (!check.ok) {
      if (check.reason !== "outsideExplanationStage") throw new AppError("INVALID_STATE", check.reason);
      const zone = tender.paket.agency.timeZone;
      throw new AppError("INVALID_STATE", "outsideExplanationStage", {
        start: formatInZone(check.window.startsAt, zone, actor.locale),
        end: formatInZone(check.window.endsAt, zone, actor.locale),
      });
    }
    const question = await tx.question.create({
      data: { tenderId, vendorId, askedById: actor.userId, body, askedAt: now },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "question.asked",
      entityType: "Question",
      entityId: question.id,
      data: { tenderId, vendorId, body },
    });
    const members = await tx.pokjaMember.findMany({
      where: { pokja: { tenders: { some: { id: tenderId } } } },
      select: { userId: true },
    });
    await notify(tx, { ...questionAskedMessage(tenderRef(tender), body), userIds: members.map((m) => m.userId) });
    return question;
  });
}
