import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { assertNotBlacklisted } from "@/modules/blacklist";
import { parseInput } from "@/modules/failure";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkDecisionWindow } from "../domain/windows";
import { decidePrequalificationSchema, type DecidePrequalificationInput } from "../seleksi.schemas";
import { lockSeleksiForPokja } from "./seleksi-context";

/**
 * A member of the tender's Pokja decides one application of the round in force: passed
 * or not, its score (0..100, which ranks the shortlist) and the reason (Perlem LKPP 12/2021
 * Lampiran II: evaluasi dokumen kualifikasi). Only after the PRAKUALIFIKASI stage ended and
 * before the round's result is announced; a decision may be changed until then (and again
 * after an accepted sanggah prakualifikasi withdrew the announcement).
 */
export async function decidePrequalification(actor: Actor, input: DecidePrequalificationInput) {
  const { applicationId, passed, score, reason } = parseInput(decidePrequalificationSchema, input);
  return db.$transaction(async (tx) => {
    const found = await tx.prequalificationApplication.findUnique({
      where: { id: applicationId },
      select: { tenderId: true },
    });
    if (!found) throw new AppError("NOT_FOUND");
    const tender = await lockSeleksiForPokja(tx, actor, found.tenderId, "tender.evaluate");
    const application = await tx.prequalificationApplication.findUniqueOrThrow({
      where: { id: applicationId },
      select: { round: true, vendorId: true },
    });
    if (application.round !== tender.prequalificationRound)
      throw new AppError("INVALID_STATE", "seleksi.applicationNotInRound");
    const now = await dbNow(tx);
    const refusal = checkDecisionWindow(tender.stages, tender.shortlistAnnouncedAt, now);
    if (refusal) throw new AppError("INVALID_STATE", `seleksi.${refusal}`);
    // passing a firm chooses it for the shortlist: not while it is on the daftar hitam (Perpres 16/2018 Pasal 78)
    if (passed) await assertNotBlacklisted(tx, application.vendorId, "choose", actor.locale);
    await tx.prequalificationApplication.update({
      where: { id: applicationId },
      data: { passed, score, reason, decidedById: actor.userId, decidedAt: now },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "prequalification.decided",
      entityType: "PrequalificationApplication",
      entityId: applicationId,
      data: { tenderId: tender.id, vendorId: application.vendorId, round: application.round, passed, score, reason },
    });
    return { id: applicationId, passed, score };
  });
}
