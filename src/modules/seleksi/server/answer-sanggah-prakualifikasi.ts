import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { vendorUserIds } from "@/modules/sanggah";
import { applyTenderEvent } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { sanggahPrakualifikasiAnsweredMessage } from "../domain/messages";
import { answerSanggahPrakualifikasiSchema, type AnswerSanggahPrakualifikasiInput } from "../seleksi.schemas";
import { lockSeleksiForPokja, tenderRefOf } from "./seleksi-context";

/**
 * A member of the tender's Pokja answers a sanggah prakualifikasi, once, accepted or
 * rejected with the reasons. Accepted: the announced shortlist no longer stands (the
 * lifecycle's shortlistWithdrawn, the round's shortlisted marks cleared), so the Pokja
 * decides the applications again and announces once more, before the invitation
 * (docs/decisions/0042, section D). A second acceptance of the same announcement changes
 * nothing more.
 */
export async function answerSanggahPrakualifikasi(actor: Actor, input: AnswerSanggahPrakualifikasiInput) {
  const { sanggahId, verdict, answer } = parseInput(answerSanggahPrakualifikasiSchema, input);
  return db.$transaction(async (tx) => {
    const found = await tx.sanggah.findUnique({ where: { id: sanggahId }, select: { tenderId: true, kind: true } });
    if (!found || found.kind !== "SANGGAH_PRAKUALIFIKASI") throw new AppError("NOT_FOUND");
    const tender = await lockSeleksiForPokja(tx, actor, found.tenderId, "tender.answerSanggah");
    const sanggah = await tx.sanggah.findUniqueOrThrow({
      where: { id: sanggahId },
      select: { vendorId: true, answeredAt: true, filedAt: true },
    });
    if (sanggah.answeredAt) throw new AppError("CONFLICT", "seleksi.sanggahAlreadyAnswered");
    const now = await dbNow(tx);
    await tx.sanggah.update({
      where: { id: sanggahId },
      data: { answer, decision: verdict, answeredById: actor.userId, answeredAt: now },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "sanggah.prakualifikasiAnswered",
      entityType: "Sanggah",
      entityId: sanggahId,
      data: { tenderId: tender.id, decision: verdict, answer, at: now.toISOString() },
    });
    const standing = tender.shortlistAnnouncedAt && sanggah.filedAt >= tender.shortlistAnnouncedAt;
    if (verdict === "ACCEPTED" && standing) {
      const round = tender.prequalificationRound;
      await tx.prequalificationApplication.updateMany({
        where: { tenderId: tender.id, round },
        data: { shortlisted: false },
      });
      await applyTenderEvent(
        tx,
        tender.id,
        { kind: "shortlistWithdrawn" },
        { actor, now, audit: { sanggahId, round } },
      );
    }
    const message = sanggahPrakualifikasiAnsweredMessage(tenderRefOf(tender), verdict === "ACCEPTED", answer);
    await notify(tx, { ...message, userIds: await vendorUserIds(tx, sanggah.vendorId) });
    return { id: sanggahId, decision: verdict };
  });
}
