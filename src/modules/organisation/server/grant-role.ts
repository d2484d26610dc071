import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { GrantRoleInput } from "../organisation.schemas";
import { assertMayGrant } from "./grant-authority";
import { grantRoleIn } from "./grant-role-in";

/**
 * Grants a role to someone already known here. An agency's admin reaches only people who
 * hold or held a role in that agency (others are NOT_FOUND: they add a person by e-mail
 * instead, which is how someone from another agency joins); ADMIN_LPSE reaches anyone.
 */
export async function grantRole(actor: Actor, input: GrantRoleInput): Promise<{ membershipId: string }> {
  const agencyId = input.agencyId ?? null;
  assertMayGrant(actor, input.role, agencyId);
  return db.$transaction(async (tx) => {
    if (agencyId && input.role !== "ADMIN_AGENCY") {
      const known = await tx.roleMembership.count({ where: { userId: input.userId, agencyId } });
      if (known === 0) throw new AppError("NOT_FOUND");
    }
    return grantRoleIn(tx, actor, { ...input, agencyId });
  });
}
