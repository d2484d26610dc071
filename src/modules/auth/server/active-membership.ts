import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * The one definition of a role that counts (docs/decisions/0032): not revoked, begun
 * (validFrom null or at or before `now`) and not run out (validUntil null or after `now`).
 * `now` is the database clock (`dbNow`), so moving the test clock moves the answer too.
 * Every reader of RoleMembership that decides power or lists people by role filters with it.
 */
export function activeMembershipWhere(now: Date): Prisma.RoleMembershipWhereInput {
  return {
    revokedAt: null,
    AND: [
      { OR: [{ validFrom: null }, { validFrom: { lte: now } }] },
      { OR: [{ validUntil: null }, { validUntil: { gt: now } }] },
    ],
  };
}
