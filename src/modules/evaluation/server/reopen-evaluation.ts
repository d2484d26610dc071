import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { parseInput, TENDER_REF_SELECT, tenderRef } from "@/modules/failure";
import { notifyTenderParticipants } from "@/modules/notifications";
import { findLastWithdrawal } from "@/modules/sanggah";
import { applyTenderEvent, lockPokjaTender } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { stagesFrom } from "../domain/reopening";
import { STAGE_LABELS } from "../domain/stage-labels";
import { reopenEvaluationSchema, type ReopenEvaluationInput } from "../reopening.schemas";

/**
 * Evaluasi ulang after an accepted sanggah or banding withdrew the award (Perpres 16/2018
 * as amended by Perpres 12/2021 Pasal 50; Perlem LKPP 12/2021 Lampiran II): a member of
 * the tender's Pokja reopens the evaluation from the stage the objection concerns. The
 * decisions of that stage and every later one, for every bid, move to
 * SupersededEvaluation (kept, with this reopening); the ranking and, from harga on, the
 * corrected prices they produced are voided. The board then shows those stages as
 * undecided; a winner is set and announced again by the usual use cases, which opens a
 * new masa sanggah.
 */
export async function reopenEvaluation(actor: Actor, input: ReopenEvaluationInput) {
  const { tenderId, fromStage, reason } = parseInput(reopenEvaluationSchema, input);
  return db.$transaction(async (tx) => {
    const tender = await lockPokjaTender(tx, actor, tenderId, "tender.evaluate", {
      ...TENDER_REF_SELECT,
      status: true,
      awardedAt: true,
      openedAt: true,
      procedure: { select: { hasPrakualifikasi: true } },
    });
    // a seleksi proved qualification in its prakualifikasi: it has no pembuktian to reopen (domain/pembuktian.ts)
    if (tender.procedure.hasPrakualifikasi && fromStage === "PEMBUKTIAN")
      throw new AppError("INVALID_STATE", "pembuktianInPrakualifikasi");
    const withdrawal = await findLastWithdrawal(tx, tenderId);
    // before penetapan the Pokja simply decides again; reopening is the remedy once an award fell
    if (!withdrawal || tender.status !== "EVALUATION")
      throw new AppError("INVALID_STATE", "reopenNeedsAcceptedSanggah");
    if (tender.awardedAt !== null) throw new AppError("INVALID_STATE", "winnerAlreadySet");
    const stages = stagesFrom(fromStage);
    const rows = await tx.evaluation.findMany({
      where: { tenderId, stage: { in: stages } },
      orderBy: [{ bidId: "asc" }, { stage: "asc" }],
    });
    if (rows.length === 0)
      throw new AppError("INVALID_STATE", "reopenNothingDecided", { stage: STAGE_LABELS[fromStage] });

    const now = await dbNow(tx);
    const reopening = await tx.evaluationReopening.create({
      data: { tenderId, withdrawalId: withdrawal.id, fromStage, reason, reopenedById: actor.userId, reopenedAt: now },
      select: { id: true },
    });
    await tx.supersededEvaluation.createMany({ data: rows.map((row) => ({ ...row, reopeningId: reopening.id })) });
    await tx.evaluation.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    // the ranking, and from harga on the corrected prices, rested on what was reopened
    const prices = stages.includes("HARGA") ? { correctedPrice: null, isLowPriceFlagged: false } : {};
    await tx.bid.updateMany({ where: { tenderId }, data: { rank: null, ...prices } });

    const stageLabel = STAGE_LABELS[fromStage];
    const notified = await notifyTenderParticipants(tx, tenderId, {
      kind: "evaluation.reopened",
      title: `Evaluasi ulang: tender ${tender.code}`,
      body: `Pokja Pemilihan melakukan evaluasi ulang tender ${tender.code} (${tender.paket.name}) mulai tahap ${stageLabel}, setelah sanggah diterima.\n\n${reason}`,
      link: `/tender/${tender.code}/pemenang`,
    });
    await applyTenderEvent(
      tx,
      tenderId,
      { kind: "evaluationReopened" },
      {
        actor,
        now,
        audit: {
          reopeningId: reopening.id,
          withdrawalId: withdrawal.id,
          sanggahId: withdrawal.sanggahId,
          fromStage,
          stages,
          reason,
          superseded: rows.map((r) => ({ id: r.id, bidId: r.bidId, stage: r.stage, passed: r.passed })),
          notified,
          reopenedById: actor.userId,
        },
      },
    );
    return { reopeningId: reopening.id, superseded: rows.length, ref: tenderRef(tender) };
  });
}
