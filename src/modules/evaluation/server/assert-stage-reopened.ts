import "server-only";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { REOPENABLE_STAGES, stagesFrom, type ReopenableStage } from "../domain/reopening";
import { STAGE_LABELS } from "../domain/stage-labels";

/**
 * After an accepted sanggah withdrew the award, the decisions in force are the result the
 * objection was judged against: a stage may be decided again only once evaluasi ulang
 * reopened it (reopen-evaluation.ts), and the stages before it stand (Perpres 16/2018
 * jo. 12/2021 Pasal 50). Before any withdrawal the Pokja decides as usual.
 */
export async function assertStageReopened(tx: Tx, tenderId: string, stage: ReopenableStage): Promise<void> {
  const withdrawal = await tx.awardWithdrawal.findFirst({
    where: { tenderId },
    orderBy: { withdrawnAt: "desc" },
    select: { reopenings: { select: { fromStage: true } } },
  });
  if (!withdrawal) return;
  const earliest = REOPENABLE_STAGES.find((s) => withdrawal.reopenings.some((r) => r.fromStage === s));
  if (!earliest || !stagesFrom(earliest).includes(stage))
    throw new AppError("INVALID_STATE", "evaluationStageNotReopened", { stage: STAGE_LABELS[stage] });
}
