import type { PrismaClient } from "../../src/generated/prisma/client";
import { hashPassword } from "../../src/modules/auth/server/password";
import { AGENCIES, DEMO_PASSWORD, LPSE, USERS, VENDORS } from "./demo-people";

const DAY = 86_400_000;

export interface DemoOrganisation {
  lpseId: string;
  workUnitIds: Map<string, string>;
  pokjaIds: Map<string, string>;
}

/**
 * The LPSE, its agencies and work units, the verified vendors, a user for every role and
 * one Pokja per agency, in one transaction. These are still written as rows: the demo's
 * story is its tenders (prisma/seed/demo-tenders.ts), which go through the use cases.
 */
export async function seedOrganisation(db: PrismaClient): Promise<DemoOrganisation> {
  // Hash outside the transaction: argon2id is deliberately slow. Once for all: the demo's
  // password is published anyway, and 29 hashes cost a busy first start seconds.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction(
    async (tx) => {
      const [clock] = await tx.$queryRaw<{ now: Date }[]>`SELECT date_trunc('hour', segel_now()) AS now`;
      const now = clock!.now;
      // The demo's accounts sign in with a password alone; a real instance requires TOTP of staff (decision 0034).
      const lpse = await tx.lpseInstance.create({ data: { ...LPSE, requireStaffTotp: false } });
      const agencyIds = new Map<string, string>();
      const workUnitIds = new Map<string, string>();
      for (const a of AGENCIES) {
        const agency = await tx.agency.create({
          data: {
            lpseId: lpse.id,
            code: a.code,
            name: a.name,
            kind: a.kind,
            timeZone: a.timeZone,
            workUnits: { create: [...a.workUnits] },
          },
          include: { workUnits: true },
        });
        agencyIds.set(a.code, agency.id);
        for (const w of agency.workUnits) workUnitIds.set(w.code, w.id);
      }
      const vendorIds = new Map<string, string>();
      // the director is a person of the profile (demo-qualification.ts), not a vendor column
      for (const { director: _person, ...v } of VENDORS) {
        const vendor = await tx.vendor.create({
          data: { ...v, kbli: [...v.kbli], status: "VERIFIED", verifiedAt: new Date(now.getTime() - 60 * DAY) },
        });
        vendorIds.set(v.npwp, vendor.id);
      }
      const userIds = new Map<string, string>();
      for (const u of USERS) {
        const user = await tx.user.create({
          data: {
            email: u.email,
            name: u.name,
            nip: u.nip,
            passwordHash,
            // every demo address counts as confirmed (vendors confirm theirs at registration)
            emailVerifiedAt: now,
            vendorId: u.vendorNpwp ? vendorIds.get(u.vendorNpwp) : undefined,
            memberships: {
              create: u.roles.map((r) => ({ role: r.role, agencyId: r.agency ? agencyIds.get(r.agency) : null })),
            },
          },
        });
        userIds.set(u.email, user.id);
      }
      const pokjaIds = new Map<string, string>();
      for (const a of AGENCIES) {
        const members = USERS.filter((u) => u.roles.some((r) => r.role === "POKJA" && r.agency === a.code));
        const pokja = await tx.pokja.create({
          data: {
            agencyId: agencyIds.get(a.code)!,
            name: `Pokja Pemilihan 1 - ${a.name}`,
            members: { create: members.map((m, i) => ({ userId: userIds.get(m.email)!, isLeader: i === 0 })) },
          },
        });
        pokjaIds.set(a.code, pokja.id);
      }
      return { lpseId: lpse.id, workUnitIds, pokjaIds };
    },
    { timeout: 60_000 },
  );
}
