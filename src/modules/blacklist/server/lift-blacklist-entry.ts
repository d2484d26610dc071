import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { notify } from "@/modules/notifications";
import { npwpEquivalents } from "@/modules/vendors/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { LiftBlacklistEntryInput } from "../blacklist.schemas";
import { blacklistState } from "../domain/in-force";
import { liftedMessage } from "../domain/messages";
import { assertMayManage } from "./manage-scope";

/**
 * Ends a sanction early with a reason (a decree annulled or shortened): the entry stays on
 * the public list, marked lifted with who, when and why. A PA/KPA lifts only its own agency's
 * entries; the Verifikator any. An entry already lifted or ended is left as it is.
 */
export async function liftBlacklistEntry(actor: Actor, input: LiftBlacklistEntryInput): Promise<{ liftedAt: Date }> {
  if (!can(actor, "blacklist.manage")) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "BlacklistEntry" WHERE id = ${input.entryId}::uuid FOR UPDATE`;
    if (!row) throw new AppError("NOT_FOUND");
    const entry = await tx.blacklistEntry.findUniqueOrThrow({
      where: { id: input.entryId },
      select: {
        id: true,
        agencyId: true,
        vendorId: true,
        npwp: true,
        vendorName: true,
        decreeNumber: true,
        startsAt: true,
        endsAt: true,
        liftedAt: true,
      },
    });
    assertMayManage(actor, entry.agencyId, "lift");
    const now = await dbNow(tx);
    const state = blacklistState(entry, now);
    if (state === "lifted") throw new AppError("CONFLICT", "blacklistAlreadyLifted");
    if (state === "ended") throw new AppError("INVALID_STATE", "blacklistAlreadyEnded");

    await tx.blacklistEntry.update({
      where: { id: entry.id },
      data: { liftedAt: now, liftedById: actor.userId, liftReason: input.reason },
    });
    let notified = 0;
    // the company may have registered after the entry: its NPWP finds it then
    const vendor = await tx.vendor.findFirst({
      where: entry.vendorId ? { id: entry.vendorId } : { npwp: { in: npwpEquivalents(entry.npwp) } },
      select: { id: true },
    });
    if (vendor) {
      const users = await tx.user.findMany({ where: { vendorId: vendor.id }, select: { id: true } });
      notified = await notify(tx, {
        ...liftedMessage({ decree: entry.decreeNumber, reason: input.reason }),
        userIds: users.map((u) => u.id),
      });
    }
    await recordAuditEvent(tx, {
      actor,
      action: "blacklist.entryLifted",
      entityType: "BlacklistEntry",
      entityId: entry.id,
      data: {
        npwp: entry.npwp,
        vendorName: entry.vendorName,
        decreeNumber: entry.decreeNumber,
        agencyId: entry.agencyId,
        liftedAt: now.toISOString(),
        reason: input.reason,
        notified,
      },
    });
    return { liftedAt: now };
  });
}
