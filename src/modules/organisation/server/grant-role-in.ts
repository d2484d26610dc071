import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor, Role } from "@/modules/auth/domain";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { isActiveAt } from "../domain/role-grants";
import { grantWindow } from "./grant-terms";

export interface Grant {
  userId: string;
  role: Role;
  agencyId: string | null;
  skNumber?: string;
  validFrom?: string;
  validUntil?: string;
}

/** The time zone the decree's days are read in: the agency's, or the LPSE's for its own roles. */
async function zoneFor(tx: Tx, agencyId: string | null): Promise<string> {
  if (agencyId) {
    const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { timeZone: true } });
    if (!agency) throw new AppError("NOT_FOUND");
    return agency.timeZone;
  }
  const lpse = await tx.lpseInstance.findFirst({ orderBy: { createdAt: "asc" }, select: { timeZone: true } });
  return lpse?.timeZone ?? "Asia/Jakarta";
}

/**
 * Writes one grant inside the caller's transaction, after the caller checked the actor's
 * authority (assertMayGrant). A role the person still holds, or holds from a later day, is
 * refused; an earlier grant that ran out is closed (revoked now, its validUntil kept) so the
 * new one can take its place under the one-unrevoked-grant index.
 */
export async function grantRoleIn(tx: Tx, actor: Actor, grant: Grant): Promise<{ membershipId: string }> {
  const timeZone = await zoneFor(tx, grant.agencyId);
  const now = await dbNow(tx);
  const window = grantWindow(grant, timeZone, now);
  const user = await tx.user.findUnique({ where: { id: grant.userId }, select: { isDisabled: true, vendorId: true } });
  if (!user) throw new AppError("NOT_FOUND");
  if (user.isDisabled) throw new AppError("INVALID_STATE", "userDisabled");
  // A vendor's account speaks for a bidder; it can never also decide for the buyer.
  if (user.vendorId) throw new AppError("VALIDATION", "vendorUserNoStaffRole");
  const current = await tx.roleMembership.findFirst({
    where: { userId: grant.userId, role: grant.role, agencyId: grant.agencyId, revokedAt: null },
    select: { id: true, validFrom: true, validUntil: true, revokedAt: true },
  });
  if (current && (isActiveAt(current, now) || (current.validFrom && current.validFrom > now)))
    throw new AppError("CONFLICT", "roleAlreadyHeld");
  if (current) {
    await tx.roleMembership.update({ where: { id: current.id }, data: { revokedAt: now, revokedById: actor.userId } });
  }
  let membershipId: string;
  try {
    ({ id: membershipId } = await tx.roleMembership.create({
      data: {
        userId: grant.userId,
        role: grant.role,
        agencyId: grant.agencyId,
        skNumber: grant.skNumber ?? null,
        ...window,
        grantedById: actor.userId,
      },
      select: { id: true },
    }));
  } catch (error) {
    // Another admin granted the same role a moment ago.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("CONFLICT", "roleAlreadyHeld");
    throw error;
  }
  await recordAuditEvent(tx, {
    actor,
    action: "role.granted",
    entityType: "User",
    entityId: grant.userId,
    data: {
      membershipId,
      role: grant.role,
      agencyId: grant.agencyId,
      skNumber: grant.skNumber ?? null,
      validFrom: window.validFrom?.toISOString() ?? null,
      validUntil: window.validUntil?.toISOString() ?? null,
      closedExpiredId: current?.id ?? null,
    },
  });
  return { membershipId };
}
