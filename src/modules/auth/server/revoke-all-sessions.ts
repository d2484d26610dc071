import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Tx } from "@/server/db";
import type { Actor } from "../domain/permissions";

/** Why every session of a user ended; the audit event names it. */
export type SessionsRevokedReason = "passwordChanged" | "passwordReset" | "secondFactorReset" | "accountDisabled";

/**
 * Ends every live session of the user in the caller's transaction: each row gets revokedAt,
 * and loadSessionActor refuses a revoked row on the next request, so a stolen cookie dies
 * with the password it was opened by. `actor` is who did it (null: the user through a link).
 */
export async function revokeAllSessions(
  tx: Tx,
  userId: string,
  reason: SessionsRevokedReason,
  actor: Actor | null = null,
): Promise<{ count: number }> {
  const count = await tx.$executeRaw`
    UPDATE "UserSession" SET "revokedAt" = date_trunc('milliseconds', segel_now())
    WHERE "userId" = ${userId}::uuid AND "revokedAt" IS NULL AND "expiresAt" > segel_now()`;
  await recordAuditEvent(tx, {
    actor,
    action: "auth.sessionsRevoked",
    entityType: "User",
    entityId: userId,
    data: { reason, count },
  });
  return { count };
}
