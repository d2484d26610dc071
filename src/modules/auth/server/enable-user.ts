import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "../domain/permissions";
import { loadManagedUser } from "./load-managed-user";

/** Lets a disabled user sign in again. Sessions revoked by disabling stay revoked. */
export async function enableUser(actor: Actor, input: { userId: string; reason?: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await loadManagedUser(tx, actor, input.userId);
    if (!user.isDisabled) throw new AppError("INVALID_STATE");
    const changed = await tx.user.updateMany({ where: { id: user.id, isDisabled: true }, data: { isDisabled: false } });
    if (changed.count === 0) throw new AppError("INVALID_STATE");
    await recordAuditEvent(tx, {
      actor,
      action: "user.enabled",
      entityType: "User",
      entityId: user.id,
      data: { reason: input.reason ?? null },
    });
  });
}
