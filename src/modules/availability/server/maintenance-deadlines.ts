import "server-only";
import type { StageKind } from "@/modules/tenders/domain";
import { formatInZone } from "@/lib/time";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { endOutsideWindows, guardedEndInWindow } from "../domain/maintenance-rules";
import { findAnnouncedWindows } from "./find-maintenance";

/**
 * Refuses a schedule in which a stage somebody must act in ends inside an announced
 * maintenance window (nobody could meet that deadline): a VALIDATION error with the
 * field `fieldOf(stage)` naming the window's times in the tender's zone. For the tenders
 * module's setTenderSchedule and changeStageSchedule, in their transactions.
 */
export async function refuseDeadlinesInMaintenance<S extends { kind: StageKind; endsAt: Date }>(
  tx: Tx,
  stages: readonly S[],
  options: { now: Date; timeZone: string; fieldOf: (stage: S) => string },
): Promise<void> {
  const hit = guardedEndInWindow(stages, await findAnnouncedWindows(tx, options.now));
  if (!hit) return;
  const z = (d: Date) => formatInZone(d, options.timeZone);
  throw new AppError(
    "VALIDATION",
    "maintenance.scheduleRefused",
    { from: z(hit.window.startsAt), until: z(hit.window.endedAt ?? hit.window.endsAt) },
    { [options.fieldOf(hit.stage)]: ["maintenance.stageEnd"] },
  );
}

/**
 * Where a deadline a rule moves (the addendum's extension) lands: after every announced
 * window it would fall in. The same instant when it falls in none.
 */
export async function deadlineAfterMaintenance(tx: Tx, end: Date, now: Date): Promise<Date> {
  return endOutsideWindows(end, await findAnnouncedWindows(tx, now));
}
