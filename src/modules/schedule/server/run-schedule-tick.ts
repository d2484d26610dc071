import "server-only";
import type { StageKind, TenderStatus } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/modules/audit/server/record-audit-event";
import { bidsSettledAt } from "@/modules/bids/domain/bid-rules";
import { applyBidDeadlineRule } from "@/modules/failure/server/apply-bid-deadline";
import { advanceStatus, currentStage, findBidDeadline, nextBoundary, statusAfter } from "@/modules/tenders/domain/schedule";
import { db, dbNow } from "@/server/db";

export interface StageTransition {
  tenderId: string;
  fromStage: StageKind | null;
  toStage: StageKind | null;
  fromStatus: TenderStatus;
  toStatus: TenderStatus;
}

export interface TickResult {
  /** tenders that were due and looked at */
  checked: number;
  transitions: StageTransition[];
}

/**
 * One pass of the schedule engine: every announced tender whose next boundary has come
 * (nextCheckAt <= the database clock) gets its current stage and status recomputed.
 * FOR UPDATE SKIP LOCKED lets any number of workers run at once: a tender locked by one
 * is skipped by the others, and once committed it is no longer due, so each transition
 * is recorded exactly once. From the bid deadline until the bids that arrived before it
 * are all recorded (bidsSettledAt, decision 0020) the stage moves on but the tender stays
 * PUBLISHED, so a submit still inside Segel is not refused for the tender's status; the
 * next check is then that instant, when the rule at the deadline counts the bids.
 */
export async function runScheduleTick({ limit = 100 } = {}): Promise<TickResult> {
  return db.$transaction(
    async (tx) => {
      const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Tender"
        WHERE "nextCheckAt" <= segel_now() AND status IN ('PUBLISHED', 'EVALUATION')
        ORDER BY "nextCheckAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`;
      const transitions: StageTransition[] = [];
      for (const { id } of due) {
        // At the bid deadline with no bid: extend once, or fail (src/modules/failure).
        const before = await tx.tender.findUniqueOrThrow({ where: { id }, select: { status: true, currentStage: true } });
        // one instant for the rule and the status: a tender is never moved on uncounted
        const now = await dbNow(tx);
        const outcome = await applyBidDeadlineRule(tx, id, now);
        if (outcome === "failed") {
          transitions.push({ tenderId: id, fromStage: before.currentStage, toStage: before.currentStage, fromStatus: before.status, toStatus: "FAILED" });
          continue;
        }
        const tender = await tx.tender.findUniqueOrThrow({
          where: { id },
          select: { status: true, currentStage: true, stages: { orderBy: { position: "asc" }, select: { kind: true, startsAt: true, endsAt: true } } },
        });
        const stage = currentStage(tender.stages, now)?.kind ?? null;
        const bidDeadline = findBidDeadline(tender.stages);
        const settled = bidDeadline && bidsSettledAt(bidDeadline);
        const isSettling = settled !== null && now < settled;
        const status = isSettling ? tender.status : advanceStatus(tender.status, statusAfter(stage, tender.stages, now));
        const boundary = nextBoundary(tender.stages, now);
        const nextCheckAt = isSettling && (!boundary || settled < boundary) ? settled : boundary;
        const changed = stage !== tender.currentStage || status !== tender.status;
        await tx.tender.update({ where: { id }, data: { currentStage: stage, status, nextCheckAt } });
        if (!changed) continue;
        const transition = { tenderId: id, fromStage: tender.currentStage, toStage: stage, fromStatus: tender.status, toStatus: status };
        transitions.push(transition);
        await recordAuditEvent(tx, {
          actor: null,
          action: "tender.stageAdvanced",
          entityType: "Tender",
          entityId: id,
          data: { from: transition.fromStage, to: stage, fromStatus: transition.fromStatus, toStatus: status, at: now.toISOString() },
        });
      }
      return { checked: due.length, transitions };
    },
    { timeout: 60_000 },
  );
}
