import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { StageKind, TenderStatus } from "@/generated/prisma/enums";
import { stageInForce } from "../domain/lifecycle-time";
import { findBidDeadline } from "../domain/schedule";

/**
 * Loads only the stages a list needs: the ones running at `now` and the upload stage(s)
 * for the deadline, instead of the whole schedule of every tender.
 */
export function stagesAt(now: Date) {
  return {
    where: { OR: [{ kind: "UPLOAD_PENAWARAN" }, { startsAt: { lte: now }, endsAt: { gt: now } }] },
    select: { kind: true, startsAt: true, endsAt: true },
    orderBy: { position: "asc" },
  } satisfies Prisma.Tender$stagesArgs;
}

export interface StageSummary {
  currentStage: StageKind | null;
  bidDeadline: Date | null;
}

export function summarizeStages(
  status: TenderStatus,
  stages: { kind: StageKind; startsAt: Date; endsAt: Date }[],
  now: Date,
): StageSummary {
  return { currentStage: stageInForce(status, stages, now)?.kind ?? null, bidDeadline: findBidDeadline(stages) };
}
