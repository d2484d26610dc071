import "server-only";
import { findMaintenanceState } from "@/modules/availability";
import { readLpseProfile } from "@/modules/lpse";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import { AppError, isAppError } from "./errors";

/**
 * A write refused because a maintenance window runs (issue 13, docs/decisions/0040). An
 * AppError, so actions show its message like any other; routes answer it with 503 and
 * Retry-After (src/server/route.ts).
 */
export class MaintenanceError extends AppError {
  readonly until: Date;
  readonly retryAfterSeconds: number;
  constructor(until: Date, untilText: string, retryAfterSeconds: number) {
    super("INVALID_STATE", "maintenance.portalClosed", { until: untilText });
    this.until = until;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const isMaintenanceError = (e: unknown): e is MaintenanceError => isAppError(e) && e instanceof MaintenanceError;

/**
 * Refuses a write while a maintenance window runs: every server action but the few that
 * must work then (action()'s `duringMaintenance`) and every write route call this first.
 * Reads never do. The running window is cached a few seconds per process
 * (findMaintenanceState), since this is read on every write.
 */
export async function assertWritable(locale: DisplayLocale = "id"): Promise<void> {
  const { running, now } = await findMaintenanceState();
  if (!running) return;
  const until = running.endedAt ?? running.endsAt;
  const { timeZone } = await readLpseProfile();
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  throw new MaintenanceError(until, formatInZone(until, timeZone, locale), retryAfter);
}
