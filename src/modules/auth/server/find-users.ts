import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { agenciesFor, can, hasRole, type Actor } from "../domain/permissions";
import { activeMembershipWhere } from "./active-membership";

export interface ManagedUserRow {
  id: string;
  name: string;
  email: string;
  isDisabled: boolean;
  roles: Role[];
  agencyNames: string[];
}

/**
 * Users the actor may disable or enable (the same rule as user.policy.ts, as a query):
 * ADMIN_LPSE sees everyone else; ADMIN_AGENCY sees users whose every role is in their agency.
 */
export async function findUsers(actor: Actor, options: { take?: number } = {}): Promise<ManagedUserRow[]> {
  if (!can(actor, "user.manage")) throw new AppError("FORBIDDEN");
  const where: Prisma.UserWhereInput = { id: { not: actor.userId } };
  if (!hasRole(actor, "ADMIN_LPSE")) {
    const agencies = agenciesFor(actor, "user.manage");
    // Written as "none outside" rather than "every inside": `every: { agencyId: { in } }`
    // lets a NULL agencyId (an instance-wide role such as ADMIN_LPSE) through, since
    // NULL IN (...) is unknown, not false.
    where.memberships = { some: {}, none: { OR: [{ agencyId: null }, { agencyId: { notIn: agencies } }] } };
  }
  const users = await db.user.findMany({
    where,
    select: {
      id: true,
      name: true,
      email: true,
      isDisabled: true,
      memberships: {
        where: activeMembershipWhere(await dbNow()),
        select: { role: true, agency: { select: { name: true } } },
      },
    },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take: options.take ?? 500,
  });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    isDisabled: u.isDisabled,
    roles: [...new Set(u.memberships.map((m) => m.role))],
    agencyNames: [...new Set(u.memberships.flatMap((m) => (m.agency ? [m.agency.name] : [])))],
  }));
}
