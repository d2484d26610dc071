import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { activeMembershipWhere } from "@/modules/auth";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { agencyScope } from "./scope";

export interface AgencyOverview {
  id: string;
  name: string;
  users: { id: string; name: string; email: string; isDisabled: boolean; roles: Role[] }[];
  pokjas: { id: string; name: string; members: number }[];
}

const USERS_SHOWN = 50;

/** The people and Pokja of each agency the actor administers. */
export async function getAdminAgencyOverview(actor: Actor): Promise<AgencyOverview[]> {
  const agencyIds = agencyScope(actor, "ADMIN_AGENCY");
  if (agencyIds.length === 0) return [];
  const agencies = await db.agency.findMany({
    where: { id: { in: agencyIds } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      pokjas: { orderBy: { name: "asc" }, select: { id: true, name: true, _count: { select: { members: true } } } },
    },
  });
  const active = activeMembershipWhere(await dbNow());
  const users = await db.user.findMany({
    where: { memberships: { some: { agencyId: { in: agencyIds }, ...active } } },
    orderBy: { name: "asc" },
    take: USERS_SHOWN * agencyIds.length,
    select: {
      id: true,
      name: true,
      email: true,
      isDisabled: true,
      memberships: { where: { agencyId: { in: agencyIds }, ...active }, select: { role: true, agencyId: true } },
    },
  });
  return agencies.map((agency) => ({
    id: agency.id,
    name: agency.name,
    pokjas: agency.pokjas.map((p) => ({ id: p.id, name: p.name, members: p._count.members })),
    users: users
      .filter((u) => u.memberships.some((m) => m.agencyId === agency.id))
      .slice(0, USERS_SHOWN)
      .map((u) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        isDisabled: u.isDisabled,
        roles: u.memberships.filter((m) => m.agencyId === agency.id).map((m) => m.role),
      })),
  }));
}
