import "server-only";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { can, type Actor } from "../domain/permissions";
import { canManageUser } from "../user.policy";
import { activeMembershipWhere } from "./active-membership";

/** The user an admin wants to disable or enable, or FORBIDDEN / NOT_FOUND. */
export async function loadManagedUser(tx: Tx, actor: Actor, userId: string) {
  if (!can(actor, "user.disable")) throw new AppError("FORBIDDEN");
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      isDisabled: true,
      memberships: { where: activeMembershipWhere(await dbNow(tx)), select: { role: true, agencyId: true } },
    },
  });
  if (!user) throw new AppError("NOT_FOUND");
  if (!canManageUser(actor, user)) throw new AppError("FORBIDDEN");
  return user;
}
