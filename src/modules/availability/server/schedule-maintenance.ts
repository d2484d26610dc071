import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { readLpseProfile } from "@/modules/lpse";
import { formatInZone } from "@/lib/time";
import { readAvailabilitySettings } from "@/server/availability-settings";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  checkMaintenanceProposal,
  MAINTENANCE_DESCRIPTION_MAX,
  MAINTENANCE_DESCRIPTION_MIN,
  MAINTENANCE_MAX_HOURS,
} from "../domain/maintenance-rules";
import type { ScheduleMaintenanceInput } from "../maintenance.schemas";
import { findAnnouncedWindows, forgetMaintenanceState } from "./find-maintenance";
import { notifyMaintenance } from "./notify-maintenance";

/** One announcement at a time: two overlapping windows cannot both pass the overlap check. */
export async function lockMaintenance(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended('segel.maintenance', 0))::text`;
}

/** The window under the maintenance lock, with the database clock. */
export async function lockWindow(tx: Tx, maintenanceId: string) {
  await lockMaintenance(tx);
  const window = await tx.maintenanceWindow.findUnique({
    where: { id: maintenanceId },
    select: { id: true, startsAt: true, endsAt: true, endedAt: true, cancelledAt: true },
  });
  if (!window) throw new AppError("NOT_FOUND");
  return { window, now: await dbNow(tx) };
}

/**
 * ADMIN_LPSE announces a maintenance window: at least maintenanceNoticeHours ahead by the
 * database clock, ending after it starts, at most MAINTENANCE_MAX_HOURS long, described,
 * overlapping no other uncancelled window. Audited, and the participants of affected
 * tenders are told in the same transaction.
 */
export async function scheduleMaintenance(actor: Actor, input: ScheduleMaintenanceInput): Promise<{ id: string }> {
  if (!can(actor, "maintenance.manage")) throw new AppError("FORBIDDEN");
  const { maintenanceNoticeHours } = readAvailabilitySettings();
  const result = await db.$transaction(async (tx) => {
    await lockMaintenance(tx);
    const now = await dbNow(tx);
    const others = await findAnnouncedWindows(tx, now);
    const problems = checkMaintenanceProposal(input, now, others, maintenanceNoticeHours);
    if (problems.length) {
      const { timeZone } = await readLpseProfile(tx);
      const overlap = problems.find((p) => p.key === "maintenance.overlaps");
      const window = overlap && "window" in overlap ? overlap.window : null;
      const fieldErrors: Record<string, string[]> = {};
      for (const p of problems) (fieldErrors[p.field] ??= []).push(p.key);
      throw new AppError(
        "VALIDATION",
        "maintenance.invalid",
        {
          noticeHours: maintenanceNoticeHours,
          maxHours: MAINTENANCE_MAX_HOURS,
          min: MAINTENANCE_DESCRIPTION_MIN,
          max: MAINTENANCE_DESCRIPTION_MAX,
          from: window ? formatInZone(window.startsAt, timeZone) : "",
          until: window ? formatInZone(window.endedAt ?? window.endsAt, timeZone) : "",
        },
        fieldErrors,
      );
    }
    const description = input.description.trim();
    const window = await tx.maintenanceWindow.create({
      data: { startsAt: input.startsAt, endsAt: input.endsAt, description, createdById: actor.userId, createdAt: now },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "maintenance.scheduled",
      entityType: "MaintenanceWindow",
      entityId: window.id,
      data: { startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString(), description },
    });
    const notified = await notifyMaintenance(tx, window.id, now);
    return { id: window.id, notified };
  });
  forgetMaintenanceState();
  return result;
}
