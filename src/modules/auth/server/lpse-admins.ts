import "server-only";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { activeMembershipWhere } from "./active-membership";

/**
 * Refuses a change that would leave the LPSE with no active, enabled ADMIN_LPSE: nobody could
 * then appoint agencies' admins or undo the mistake. Every such change (revoking the role,
 * disabling the user) takes the same transaction lock first, so two admins removing each
 * other at once take turns and the second is refused.
 */
export async function assertAnotherLpseAdmin(tx: Tx, leavingUserId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('segel.lpseAdmins'))`;
  const others = await tx.roleMembership.count({
    where: {
      role: "ADMIN_LPSE",
      userId: { not: leavingUserId },
      user: { isDisabled: false },
      ...activeMembershipWhere(await dbNow(tx)),
    },
  });
  if (others === 0) throw new AppError("INVALID_STATE", "lastLpseAdmin");
}
