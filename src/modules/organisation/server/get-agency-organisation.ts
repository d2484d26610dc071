import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { activeMembershipWhere } from "@/modules/auth";
import { agenciesFor, type Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  nip: string | null;
  isDisabled: boolean;
  roles: Role[];
}

/**
 * What the Admin Agency sees on /admin/pokja: the agency's Pokja with their members,
 * its staff (for the checkboxes) and who is Pejabat Pengadaan. Only agencies the actor
 * administers; `agencyId` picks one of them.
 */
export async function getAgencyOrganisation(actor: Actor, agencyId?: string) {
  const own = agenciesFor(actor, "pokja.manage");
  if (own.length === 0) throw new AppError("FORBIDDEN");
  const chosen = agencyId && own.includes(agencyId) ? agencyId : own[0]!;
  const active = activeMembershipWhere(await dbNow());
  const [agencies, pokjas, users] = await Promise.all([
    db.agency.findMany({ where: { id: { in: own } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.pokja.findMany({
      where: { agencyId: chosen },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        name: true,
        skNumber: true,
        skDate: true,
        createdAt: true,
        members: {
          orderBy: [{ isLeader: "desc" }, { user: { name: "asc" } }],
          select: { isLeader: true, user: { select: { id: true, name: true, isDisabled: true } } },
        },
      },
    }),
    db.user.findMany({
      where: { memberships: { some: { agencyId: chosen, ...active } } },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        email: true,
        nip: true,
        isDisabled: true,
        memberships: { where: { agencyId: chosen, ...active }, select: { role: true } },
      },
    }),
  ]);
  const staff: StaffMember[] = users.map(({ memberships, ...u }) => ({ ...u, roles: memberships.map((m) => m.role) }));
  return {
    agencyId: chosen,
    agencies,
    pokjas: pokjas.map((p) => ({
      id: p.id,
      name: p.name,
      skNumber: p.skNumber,
      skDate: p.skDate,
      createdAt: p.createdAt,
      members: p.members.map((m) => ({ ...m.user, isLeader: m.isLeader })),
    })),
    pokjaCandidates: staff.filter((u) => !u.isDisabled && u.roles.includes("POKJA")),
    pejabatPengadaan: staff.filter((u) => u.roles.includes("PEJABAT_PENGADAAN")),
    pejabatPengadaanCandidates: staff.filter((u) => !u.isDisabled && !u.roles.includes("PEJABAT_PENGADAAN")),
  };
}

export type AgencyOrganisation = Awaited<ReturnType<typeof getAgencyOrganisation>>;
