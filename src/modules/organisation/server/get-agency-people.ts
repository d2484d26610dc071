import "server-only";
import { agenciesFor, type Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { GrantRow } from "../domain/role-grants";
import { GRANT_SELECT, toGrantRow } from "./grant-rows";
import { invitedUserIds } from "./invitation-status";

export interface AgencyPerson {
  id: string;
  name: string;
  email: string;
  nip: string | null;
  isDisabled: boolean;
  isInvited: boolean;
  grants: GrantRow[];
}

/**
 * What an agency's admin sees on /admin/organisasi: its work units and its people with every
 * grant in this agency, current and past. Only agencies the actor administers; `agencyId`
 * picks one of them (anything else falls back to the first: another agency is never shown).
 */
export async function getAgencyPeople(actor: Actor, agencyId?: string) {
  const own = agenciesFor(actor, "organisation.manage");
  if (own.length === 0) throw new AppError("FORBIDDEN");
  const chosen = agencyId && own.includes(agencyId) ? agencyId : own[0]!;
  const now = await dbNow();
  const [agencies, workUnits, users] = await Promise.all([
    db.agency.findMany({
      where: { id: { in: own } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, code: true, timeZone: true },
    }),
    db.workUnit.findMany({
      where: { agencyId: chosen },
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, _count: { select: { pakets: true } } },
    }),
    db.user.findMany({
      where: { memberships: { some: { agencyId: chosen } } },
      orderBy: { name: "asc" },
      take: 500,
      select: {
        id: true,
        name: true,
        email: true,
        nip: true,
        isDisabled: true,
        memberships: { where: { agencyId: chosen }, orderBy: { createdAt: "desc" }, select: GRANT_SELECT },
      },
    }),
  ]);
  const invited = await invitedUserIds(users.map((u) => u.id));
  const people: AgencyPerson[] = users.map(({ memberships, ...u }) => ({
    ...u,
    isInvited: invited.has(u.id),
    grants: memberships.map((m) => toGrantRow(m, now)),
  }));
  return {
    agency: agencies.find((a) => a.id === chosen)!,
    agencies,
    workUnits: workUnits.map(({ _count, ...w }) => ({ ...w, paketCount: _count.pakets })),
    people,
  };
}
