import "server-only";
import { isUuid } from "@/lib/ids";
import { db } from "@/server/db";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "../domain/permissions";
import { pendingStep } from "../domain/second-factor";
import { activeMembershipWhere } from "./active-membership";

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  locale: Actor["locale"];
}

/**
 * The actor behind a session id, or null when the session is over: revoked (sign-out,
 * user disabled), expired, or its user disabled. The row decides on every request, so
 * ending a session takes effect at once whatever the JWT cookie still says.
 */
export async function loadSessionActor(
  sessionId: string,
  context: RequestContext = { ip: null, userAgent: null, locale: "id" },
): Promise<Actor | null> {
  if (!isUuid(sessionId)) return null;
  // The database clock decides expiry, like every other deadline.
  const rows = await db.$queryRaw<
    {
      userId: string;
      name: string;
      email: string;
      vendorId: string | null;
      isStale: boolean;
      now: Date;
      hasTotp: boolean;
      hasSecondFactor: boolean;
      requireStaffTotp: boolean | null;
    }[]
  >`
    SELECT u.id AS "userId", u.name, u.email, u."vendorId",
           s."lastSeenAt" < segel_now() - interval '1 minute' AS "isStale",
           date_trunc('milliseconds', segel_now()) AS "now",
           u."totpEnabledAt" IS NOT NULL AS "hasTotp",
           s."secondFactorAt" IS NOT NULL AS "hasSecondFactor",
           (SELECT l."requireStaffTotp" FROM "LpseInstance" l ORDER BY l."createdAt" LIMIT 1) AS "requireStaffTotp"
      FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = ${sessionId}::uuid
       AND s."revokedAt" IS NULL
       AND s."expiresAt" > segel_now()
       AND NOT u."isDisabled"`;
  const row = rows[0];
  if (!row) return null;

  const memberships = await db.roleMembership.findMany({
    // Only the roles that count now: a revoked or run-out role gives no power (decision 0032).
    where: { userId: row.userId, ...activeMembershipWhere(row.now) },
    select: { role: true, agencyId: true },
  });
  // At most one write a minute per session, not one per request.
  if (row.isStale) {
    await db.$executeRaw`UPDATE "UserSession" SET "lastSeenAt" = segel_now() WHERE id = ${sessionId}::uuid`;
  }
  // A sign-in without its second factor has no power at all: no roles, no vendor (decision 0034).
  const roles = memberships.map((m) => m.role as Role);
  const pending = pendingStep({
    hasTotp: row.hasTotp,
    hasSecondFactor: row.hasSecondFactor,
    // Every running instance has its LPSE row from the first start (prepare-instance, the seed).
    requireStaffTotp: row.requireStaffTotp ?? false,
    roles,
  });
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    vendorId: pending ? null : row.vendorId,
    memberships: pending ? [] : memberships.map((m) => ({ role: m.role as Role, agencyId: m.agencyId })),
    sessionId,
    pending,
    ...context,
  };
}
