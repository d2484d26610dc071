import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { MaintenanceIdInput } from "../maintenance.schemas";
import { forgetMaintenanceState } from "./find-maintenance";
import { lockWindow } from "./schedule-maintenance";

/**
 * ADMIN_LPSE ends a running window early: writes are accepted again at once (in this
 * process; the others within their few seconds' cache), and the downtime recorded for it
 * ends here instead of at the planned end.
 */
export async function endMaintenanceEarly(actor: Actor, input: MaintenanceIdInput): Promise<{ id: string }> {
  if (!can(actor, "maintenance.manage")) throw new AppError("FORBIDDEN");
  const result = await db.$transaction(async (tx) => {
    const { window, now } = await lockWindow(tx, input.maintenanceId);
    if (window.cancelledAt) throw new AppError("INVALID_STATE", "maintenance.cancelled");
    if (window.startsAt.getTime() > now.getTime()) throw new AppError("INVALID_STATE", "maintenance.notStarted");
    if (window.endedAt || window.endsAt.getTime() <= now.getTime())
      throw new AppError("INVALID_STATE", "maintenance.alreadyEnded");
    await tx.maintenanceWindow.update({ where: { id: window.id }, data: { endedAt: now } });
    await recordAuditEvent(tx, {
      actor,
      action: "maintenance.endedEarly",
      entityType: "MaintenanceWindow",
      entityId: window.id,
      data: {
        startsAt: window.startsAt.toISOString(),
        plannedEndsAt: window.endsAt.toISOString(),
        endedAt: now.toISOString(),
      },
    });
    return { id: window.id };
  });
  forgetMaintenanceState();
  return result;
}
