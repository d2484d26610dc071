import "server-only";
import { formatInZone } from "@/lib/time";
import type { Actor } from "@/modules/auth/domain";
import { notifyTenderParticipants } from "@/modules/notifications";
import { countUnansweredObjections } from "@/modules/sanggah";
import { lockPokjaTender, applyStageMoves, applyTenderEvent, loadStages } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { winnerAnnouncedMessage } from "../domain/award-messages";
import { scheduleAfterAnnouncement } from "../domain/sanggah-window";

const DAY_MS = 24 * 60 * 60 * 1000;
const SCHEDULE_REASON =
  "Disesuaikan otomatis: masa sanggah dihitung sejak pengumuman pemenang (Perpres 16/2018 jo. 12/2021 Pasal 50).";

/**
 * Pengumuman pemenang: the tender becomes AWARDED at the database's time, the sanggah
 * window runs from that instant (the schedule rows move and the change is public), the
 * worker's next look is the window's end, and every participant is told in the same
 * transaction. Announcing twice is refused, and so is announcing again after a withdrawn
 * award while an objection of the withdrawn round waits for its answer.
 */
export async function announceWinner(actor: Actor, input: { tenderId: string }) {
  return db.$transaction(async (tx) => {
    const tender = await lockPokjaTender(tx, actor, input.tenderId, "tender.evaluate", {
      id: true,
      code: true,
      status: true,
      awardedAt: true,
      announcedAt: true,
      winnerBidId: true,
      paket: { select: { name: true, agency: { select: { timeZone: true } } } },
      procedure: { select: { sanggahDays: true, sanggahAnswerDays: true, hasSanggahBanding: true, bandingDays: true } },
    });
    if (tender.announcedAt !== null) throw new AppError("INVALID_STATE", "winnerAlreadyAnnounced");
    if (tender.status !== "EVALUATION") throw new AppError("INVALID_STATE", "evaluationNotOpened");
    if (tender.awardedAt === null || tender.winnerBidId === null) throw new AppError("INVALID_STATE", "winnerNotSet");
    const unanswered = await countUnansweredObjections(tx, tender);
    if (unanswered > 0) throw new AppError("INVALID_STATE", "announceObjectionsUnanswered", { count: unanswered });
    const winner = await tx.bid.findUniqueOrThrow({
      where: { id: tender.winnerBidId },
      select: { correctedPrice: true, openedPrice: true, vendor: { select: { name: true } } },
    });

    const now = await dbNow(tx);
    const stages = await loadStages(tx, tender.id);
    const changed = scheduleAfterAnnouncement(stages, now, tender.procedure);
    const moves = changed.map((c) => ({
      stage: stages.find((s) => s.id === c.id)!,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
    }));
    await applyStageMoves(tx, tender.id, stages, moves, {
      reason: SCHEDULE_REASON,
      changedById: actor.userId,
      changedAt: now,
    });
    const sanggahEndsAt = new Date(now.getTime() + tender.procedure.sanggahDays * DAY_MS);

    const correctedPrice = winner.correctedPrice ?? winner.openedPrice!;
    const message = winnerAnnouncedMessage(
      { code: tender.code, name: tender.paket.name },
      { name: winner.vendor.name, correctedPrice },
      {
        days: tender.procedure.sanggahDays,
        endsAtText: formatInZone(sanggahEndsAt, tender.paket.agency.timeZone, "id"),
      },
    );
    const notified = await notifyTenderParticipants(tx, tender.id, message);
    const { nextCheckAt } = await applyTenderEvent(
      tx,
      tender.id,
      { kind: "winnerAnnounced", sanggahEndsAt },
      {
        actor,
        now,
        audit: {
          winnerBidId: tender.winnerBidId,
          winnerName: winner.vendor.name,
          correctedPrice,
          sanggahEndsAt: sanggahEndsAt.toISOString(),
          scheduleChanges: changed.map((s) => ({
            stage: s.kind,
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
          })),
          notified,
          announcedById: actor.userId,
        },
      },
    );
    return { announcedAt: now, sanggahEndsAt, nextCheckAt };
  });
}
