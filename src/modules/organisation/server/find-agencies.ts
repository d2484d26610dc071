import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { GRANT_SELECT, toGrantRow } from "./grant-rows";
import { invitedUserIds } from "./invitation-status";

/** What ADMIN_LPSE sees on /admin/instansi: every agency with its admins, current and past. */
export async function findAgencies(actor: Actor) {
  if (!can(actor, "agency.manage")) throw new AppError("FORBIDDEN");
  const now = await dbNow();
  const agencies = await db.agency.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      timeZone: true,
      _count: { select: { workUnits: true, pakets: true } },
      memberships: {
        where: { role: "ADMIN_AGENCY" },
        orderBy: { createdAt: "desc" },
        select: { ...GRANT_SELECT, user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  const invited = await invitedUserIds(agencies.flatMap((a) => a.memberships.map((m) => m.user.id)));
  return agencies.map(({ memberships, _count, ...agency }) => ({
    ...agency,
    workUnitCount: _count.workUnits,
    paketCount: _count.pakets,
    admins: memberships.map((m) => ({ ...toGrantRow(m, now), user: m.user, isInvited: invited.has(m.user.id) })),
  }));
}

/** The LPSE's own staff (ADMIN_LPSE, VERIFIKATOR, AUDITOR) with their grants, current and past. */
export async function findLpseStaff(actor: Actor) {
  if (!can(actor, "agency.manage")) throw new AppError("FORBIDDEN");
  const now = await dbNow();
  const grants = await db.roleMembership.findMany({
    where: { role: { in: ["ADMIN_LPSE", "VERIFIKATOR", "AUDITOR"] } },
    orderBy: [{ user: { name: "asc" } }, { createdAt: "desc" }],
    select: { ...GRANT_SELECT, user: { select: { id: true, name: true, email: true } } },
  });
  const invited = await invitedUserIds([...new Set(grants.map((g) => g.user.id))]);
  return grants.map((g) => ({ ...toGrantRow(g, now), user: g.user, isInvited: invited.has(g.user.id) }));
}

export type AgencyListItem = Awaited<ReturnType<typeof findAgencies>>[number];
export type LpseStaffGrant = Awaited<ReturnType<typeof findLpseStaff>>[number];
