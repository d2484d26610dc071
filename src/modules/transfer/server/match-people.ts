import "server-only";
import { activeMembershipWhere, createInvitedUser } from "@/modules/auth";
import type { Actor, Role } from "@/modules/auth/domain";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { decodeValue, type BundleData, type BundlePerson, type EncodedValue } from "../domain/bundle-format";

/**
 * The people and companies of an imported tender on this instance. A person is the local
 * user with the same e-mail (any letter case) or a new invited account (decision 0033:
 * no password until they accept the e-mailed link); a company is the local Vendor with the
 * same NPWP or a new one from the bundle's row. Nobody is matched by name.
 */
export interface PeoplePlan {
  /** source User.id → the local user it matched */
  matched: Map<string, { id: string; email: string; vendorId: string | null }>;
  invited: BundlePerson[];
  /** source Vendor.id → the local vendor with the same NPWP */
  vendorsMatched: Map<string, string>;
  vendorsCreated: Record<string, unknown>[];
}

const refuse = (messageKey: string, values: Record<string, string | number> = {}) =>
  new AppError("VALIDATION", `tenderImport.${messageKey}`, values);

export function decodeRow(row: Record<string, EncodedValue>, jsonColumns: readonly string[] = []) {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, jsonColumns.includes(k) ? v : decodeValue(v)]),
  ) as Record<string, unknown>;
}

/** Read only: who and what already exists here. */
export async function planPeople(data: BundleData): Promise<PeoplePlan> {
  const vendors = (data.tables.Vendor ?? []).map((r) => decodeRow(r));
  const vendorById = new Map(vendors.map((v) => [v.id as string, v]));
  const vendorsMatched = new Map<string, string>();
  const vendorsCreated: Record<string, unknown>[] = [];
  for (const v of vendors) {
    const local = await db.vendor.findUnique({ where: { npwp: v.npwp as string }, select: { id: true } });
    if (local) vendorsMatched.set(v.id as string, local.id);
    else {
      const nibTaken = await db.vendor.count({ where: { nib: v.nib as string } });
      if (nibTaken > 0) throw refuse("nibTaken", { vendor: v.name as string });
      vendorsCreated.push(v);
    }
  }
  const matched: PeoplePlan["matched"] = new Map();
  const invited: BundlePerson[] = [];
  for (const person of data.people) {
    if (person.vendorId && !vendorById.has(person.vendorId)) throw refuse("vendorMissing", { id: person.vendorId });
    const local = await db.user.findFirst({
      where: { email: { equals: person.email, mode: "insensitive" } },
      select: { id: true, email: true, vendorId: true },
    });
    if (!local) {
      invited.push(person);
      continue;
    }
    const wanted = person.vendorId ? (vendorsMatched.get(person.vendorId) ?? null) : null;
    // a local vendor user may only stand for the same company; a new company has no users yet
    if (local.vendorId !== null && local.vendorId !== wanted)
      throw refuse("emailIsOtherVendor", {
        email: person.email,
        vendor: String(vendorById.get(person.vendorId!)?.name ?? "-"),
      });
    if (local.vendorId === null && person.vendorId)
      throw refuse("emailIsOtherVendor", {
        email: person.email,
        vendor: String(vendorById.get(person.vendorId)?.name),
      });
    matched.set(person.id, local);
  }
  return { matched, invited, vendorsMatched, vendorsCreated };
}

/** The role each bundle role needs here, and in which agency (PENYEDIA is instance-wide). */
const ROLE_NEEDED: Record<string, Role> = { PPK: "PPK", POKJA: "POKJA", VENDOR: "PENYEDIA" };

export interface AppliedPeople {
  userIds: Map<string, string>;
  vendorIds: Map<string, string>;
  invitedUserIds: string[];
  grants: { userId: string; role: Role }[];
}

/** Writes the plan in the import's transaction: vendors, invited users, the roles they lack. */
export async function applyPeople(
  tx: Tx,
  data: BundleData,
  plan: PeoplePlan,
  agencyId: string,
  actor: Actor,
  now: Date,
): Promise<AppliedPeople> {
  const vendorIds = new Map(plan.vendorsMatched);
  for (const v of plan.vendorsCreated) {
    const created = await tx.vendor.create({
      data: {
        name: v.name as string,
        businessForm: v.businessForm as string,
        npwp: v.npwp as string,
        nib: v.nib as string,
        address: v.address as string,
        city: v.city as string,
        province: v.province as string,
        email: v.email as string,
        phone: (v.phone as string | null) ?? null,
        kbli: (v.kbli as string[]) ?? [],
        // verified by the source LPSE; the verifier is not a person of this instance
        status: v.status as "PENDING" | "VERIFIED" | "REJECTED",
        submittedAt: (v.submittedAt as Date | null) ?? null,
        verifiedAt: (v.verifiedAt as Date | null) ?? null,
      },
      select: { id: true },
    });
    vendorIds.set(v.id as string, created.id);
  }
  const userIds = new Map<string, string>();
  for (const [sourceId, local] of plan.matched) userIds.set(sourceId, local.id);
  const invitedUserIds: string[] = [];
  for (const person of plan.invited) {
    const { userId } = await createInvitedUser(tx, { email: person.email, name: person.name, nip: person.nip }, actor);
    if (person.vendorId)
      await tx.user.update({ where: { id: userId }, data: { vendorId: vendorIds.get(person.vendorId)! } });
    userIds.set(person.id, userId);
    invitedUserIds.push(userId);
  }
  const grants: AppliedPeople["grants"] = [];
  for (const person of data.people) {
    const userId = userIds.get(person.id)!;
    for (const role of new Set(person.roles.map((r) => ROLE_NEEDED[r]).filter((r): r is Role => !!r))) {
      const scope = role === "PENYEDIA" ? null : agencyId;
      // an unrevoked grant (even one not yet or no longer in force) is the admin's to settle
      const held = await tx.roleMembership.count({
        where: {
          OR: [
            { userId, role, agencyId: scope, ...activeMembershipWhere(now) },
            { userId, role, agencyId: scope, revokedAt: null },
          ],
        },
      });
      if (held > 0) continue;
      await tx.roleMembership.create({ data: { userId, role, agencyId: scope, grantedById: actor.userId } });
      grants.push({ userId, role });
    }
  }
  return { userIds, vendorIds, invitedUserIds, grants };
}
