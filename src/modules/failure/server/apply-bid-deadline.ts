import "server-only";
import { notifyTenderParticipants } from "@/modules/notifications";
import { applyStageMoves, applyTenderEvent, loadStages } from "@/modules/tenders";
import type { Tx } from "@/server/db";
import {
  decideAtBidDeadline,
  EXTENSION_REASON,
  extendSchedule,
  NO_BIDS_REASON,
  TOO_FEW_BIDS_REASON,
  uploadStage,
} from "../domain/bid-deadline";
import { deadlineExtendedMessage, tenderFailedMessage } from "../domain/messages";

/**
 * The schedule worker's rule at the bid deadline, run on a tender the tick has locked
 * (FOR UPDATE SKIP LOCKED), as the system: no actor, changedById null. Returns what it
 * did; "extended" leaves the tender PUBLISHED with a later deadline for the tick to
 * recompute, "failed" ends it.
 */
export async function applyBidDeadlineRule(
  tx: Tx,
  tenderId: string,
  now: Date,
): Promise<"none" | "extended" | "failed"> {
  const tender = await tx.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: {
      id: true,
      code: true,
      status: true,
      deadlineExtensions: true,
      procedure: { select: { maxDeadlineExtensions: true, minBids: true } },
      paket: { select: { name: true, agency: { select: { timeZone: true } } } },
      _count: { select: { bids: { where: { status: "SUBMITTED" } } } },
    },
  });
  const stages = await loadStages(tx, tenderId);
  const outcome = decideAtBidDeadline(
    {
      status: tender.status,
      stages,
      submittedBids: tender._count.bids,
      deadlineExtensions: tender.deadlineExtensions,
      ...tender.procedure,
    },
    now,
  );
  if (outcome.kind === "none") return "none";
  const ref = { id: tender.id, code: tender.code, name: tender.paket.name, timeZone: tender.paket.agency.timeZone };

  if (outcome.kind === "extend") {
    const moves = extendSchedule(stages, outcome.shiftMs);
    await applyStageMoves(tx, tenderId, stages, moves, { reason: EXTENSION_REASON, changedById: null, changedAt: now });
    const newDeadline = new Date(uploadStage(stages)!.endsAt.getTime() + outcome.shiftMs);
    await applyTenderEvent(
      tx,
      tenderId,
      { kind: "deadlineExtended" },
      {
        actor: null,
        now,
        audit: {
          extension: tender.deadlineExtensions + 1,
          shiftMs: outcome.shiftMs,
          newDeadline: newDeadline.toISOString(),
          movedStages: moves.map((m) => m.stage.kind),
        },
      },
    );
    await notifyTenderParticipants(tx, tenderId, deadlineExtendedMessage(ref, newDeadline));
    return "extended";
  }

  const endReason = outcome.failureKind === "NO_BIDS" ? NO_BIDS_REASON : TOO_FEW_BIDS_REASON;
  await applyTenderEvent(
    tx,
    tenderId,
    { kind: "failed", failureKind: outcome.failureKind, endReason },
    {
      actor: null,
      now,
      audit: { submittedBids: tender._count.bids, deadlineExtensions: tender.deadlineExtensions },
    },
  );
  await notifyTenderParticipants(tx, tenderId, tenderFailedMessage(ref, endReason));
  return "failed";
}
