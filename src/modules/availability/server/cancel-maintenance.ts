import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { MaintenanceIdInput } from "../maintenance.schemas";
import { forgetMaintenanceState } from "./find-maintenance";
import { lockWindow } from "./schedule-maintenance";

/**
 * ADMIN_LPSE withdraws an announced window before it starts (by the database clock); once
 * it has started it can only be ended early, and it then counts as downtime.
 */
export async function cancelMaintenance(actor: Actor, input: MaintenanceIdInput): Promise<{ id: string }> {
  if (!can(actor, "maintenance.manage")) throw new AppError("FORBIDDEN");
  const result = await db.$transaction(async (tx) => {
    const { window, now } = await lockWindow(tx, input.maintenanceId);
    if (window.cancelledAt) throw new AppError("INVALID_STATE", "maintenance.cancelled");
    if (window.startsAt.getTime() <= now.getTime()) throw new AppError("INVALID_STATE", "maintenance.alreadyStarted");
    await tx.maintenanceWindow.update({ where: { id: window.id }, data: { cancelledAt: now } });
    await recordAuditEvent(tx, {
      actor,
      action: "maintenance.cancelled",
      entityType: "MaintenanceWindow",
      entityId: window.id,
      data: { startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() },
    });
    return { id: window.id };
  });
  forgetMaintenanceState();
  return result;
}
