import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { StageKind, TenderStatus } from "@/generated/prisma/enums";
import { applyBidDeadlineRule } from "@/modules/failure";
import { SCHEDULED_STATUSES } from "@/modules/tenders/domain";
import { applyTenderEvent } from "@/modules/tenders";
import { inviteShortlist } from "@/modules/seleksi";
import { logger } from "@/server/logger";
import { db, dbNow, type Tx } from "@/server/db";

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
  /** tenders whose look failed (the schedule tick only); each is tried again on the next tick */
  failed?: string[];
}

/**
 * The claim: the earliest due tender nobody else holds. `now` is read first and passed
 * in, so the comparison is with a constant and the nextCheckAt index serves it (segel_now()
 * is VOLATILE and would make PostgreSQL filter every row instead); a test EXPLAINs it.
 */
export function claimDueTender(now: Date, skip: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT id FROM "Tender"
    WHERE "nextCheckAt" <= ${now}
      AND status::text IN (${Prisma.join(SCHEDULED_STATUSES)})
      AND NOT (id = ANY(${[...skip]}::uuid[]))
    ORDER BY "nextCheckAt"
    LIMIT 1
    FOR UPDATE SKIP LOCKED`;
}

/**
 * One pass of the schedule engine: up to `limit` due tenders (nextCheckAt <= the database
 * clock), each claimed, moved on and committed in a transaction of its own, so the audit
 * chain's lock is held for one tender at a time and one tender's failure holds up no
 * other. FOR UPDATE SKIP LOCKED lets any number of workers run at once: a tender locked
 * by one is skipped by the others, and once committed it is no longer due, so each
 * transition is recorded exactly once.
 */
export async function runScheduleTick({ limit = 100 } = {}): Promise<TickResult> {
  const result = { checked: 0, transitions: [] as StageTransition[], failed: [] as string[] };
  while (result.checked + result.failed.length < limit) {
    try {
      const look = await db.$transaction((tx) => lookAtNextDue(tx, result.failed), { timeout: 60_000 });
      if (look === null) break;
      result.checked++;
      if (look.transition) result.transitions.push(look.transition);
    } catch (err) {
      if (!(err instanceof TenderLookFailed)) throw err;
      logger.error(
        { err: err.cause, tenderId: err.tenderId },
        "schedule: looking at a tender failed; it is tried again next tick",
      );
      result.failed.push(err.tenderId);
    }
  }
  return result;
}

class TenderLookFailed extends Error {
  constructor(
    readonly tenderId: string,
    cause: unknown,
  ) {
    super(`tender ${tenderId}`, { cause });
  }
}

async function lookAtNextDue(tx: Tx, skip: readonly string[]): Promise<{ transition: StageTransition | null } | null> {
  const now = await dbNow(tx);
  const [due] = await tx.$queryRaw<{ id: string }[]>(claimDueTender(now, skip));
  if (!due) return null;
  const id = due.id;
  try {
    const before = await tx.tender.findUniqueOrThrow({ where: { id }, select: { status: true, currentStage: true } });
    // At the bid deadline with no bid: extend once, or fail (src/modules/failure).
    if ((await applyBidDeadlineRule(tx, id, now)) === "failed") {
      return {
        transition: {
          tenderId: id,
          fromStage: before.currentStage,
          toStage: before.currentStage,
          fromStatus: before.status,
          toStatus: "FAILED",
        },
      };
    }
    const applied = await applyTenderEvent(tx, id, { kind: "stageBoundary" }, { actor: null, now });
    if (!applied.changed) return { transition: null };
    // a seleksi: the shortlist is invited when the UNDANGAN stage comes (seleksi module)
    if (applied.stage === "UNDANGAN" && before.currentStage !== "UNDANGAN") await inviteShortlist(tx, id);
    return {
      transition: {
        tenderId: id,
        fromStage: before.currentStage,
        toStage: applied.stage,
        fromStatus: before.status,
        toStatus: applied.status,
      },
    };
  } catch (err) {
    throw new TenderLookFailed(id, err);
  }
}
