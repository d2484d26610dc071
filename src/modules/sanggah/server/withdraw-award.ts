import "server-only";
import type { Actor } from "@/modules/auth/domain";
import type { TenderRef } from "@/modules/notifications/domain";
import { notifyTenderParticipants } from "@/modules/notifications";
import { applyTenderEvent } from "@/modules/tenders";
import type { Tx } from "@/server/db";
import { awardWithdrawnMessage } from "../domain/withdrawal-messages";

/**
 * An accepted sanggah or banding means the announced result was wrong: the award no
 * longer stands and the Pokja re-evaluates (evaluasi ulang) or the tender fails (Perpres
 * 16/2018 as amended by Perpres 12/2021 Pasal 50; Perlem LKPP 12/2021 Lampiran II). In the
 * answer's transaction: the withdrawn award is kept as a public record, the lifecycle's
 * sanggahAccepted event takes the tender back to EVALUATION (clearing the winner and the
 * announcement), and every participant is told.
 *
 * Only the first acceptance of a round withdraws; a later one finds the tender already in
 * evaluation and changes nothing here. The caller holds the tender's row lock.
 */
export async function withdrawAwardOnAcceptance(
  tx: Tx,
  actor: Actor,
  tender: { id: string; status: string; announcedAt: Date | null; winnerBidId: string | null },
  objection: { id: string; kind: "SANGGAH" | "SANGGAH_BANDING" },
  ref: TenderRef,
  now: Date,
): Promise<{ withdrawalId: string } | null> {
  if (tender.status !== "AWARDED" || !tender.announcedAt || !tender.winnerBidId) return null;
  const withdrawal = await tx.awardWithdrawal.create({
    data: {
      tenderId: tender.id,
      winnerBidId: tender.winnerBidId,
      announcedAt: tender.announcedAt,
      sanggahId: objection.id,
      withdrawnAt: now,
    },
    select: { id: true },
  });
  const notified = await notifyTenderParticipants(tx, tender.id, awardWithdrawnMessage(ref, objection.kind));
  await applyTenderEvent(
    tx,
    tender.id,
    { kind: "sanggahAccepted" },
    {
      actor,
      now,
      audit: {
        withdrawalId: withdrawal.id,
        sanggahId: objection.id,
        objectionKind: objection.kind,
        withdrawnWinnerBidId: tender.winnerBidId,
        withdrawnAnnouncedAt: tender.announcedAt.toISOString(),
        notified,
      },
    },
  );
  return { withdrawalId: withdrawal.id };
}

/** The latest withdrawn award of a tender, if any: its announcement starts the round still answerable. */
export function findLastWithdrawal(tx: Tx, tenderId: string) {
  return tx.awardWithdrawal.findFirst({
    where: { tenderId },
    orderBy: { withdrawnAt: "desc" },
    select: { id: true, announcedAt: true, sanggahId: true },
  });
}
