import "server-only";
import { activeMembershipWhere } from "@/modules/auth";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An agency of this instance by its code or id, for the CLI (the page offers a list). */
export async function findImportAgency(codeOrId: string): Promise<{ id: string; code: string; name: string }> {
  const agency = await db.agency.findFirst({
    where: UUID.test(codeOrId) ? { OR: [{ id: codeOrId }, { code: codeOrId }] } : { code: codeOrId },
    select: { id: true, code: true, name: true },
  });
  if (!agency) throw new AppError("VALIDATION", "tenderImport.agencyNotFound", { agency: codeOrId });
  return agency;
}

/**
 * The CLI acts as a named ADMIN_LPSE (the audit trail and the invitations name them): an
 * enabled user with an ADMIN_LPSE grant in force now.
 */
export async function importAdminActor(email: string, label: string): Promise<Actor> {
  const user = await db.user.findFirst({
    where: {
      email: { equals: email, mode: "insensitive" },
      isDisabled: false,
      memberships: { some: { role: "ADMIN_LPSE", ...activeMembershipWhere(await dbNow()) } },
    },
    select: { id: true, name: true, email: true, vendorId: true, locale: true },
  });
  if (!user) throw new AppError("VALIDATION", "tenderImport.adminNotFound", { email });
  const memberships = await db.roleMembership.findMany({
    where: { userId: user.id, ...activeMembershipWhere(await dbNow()) },
    select: { role: true, agencyId: true },
  });
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    memberships,
    vendorId: user.vendorId,
    sessionId: null,
    ip: null,
    userAgent: label,
    locale: user.locale === "en" ? "en" : "id",
  };
}
