import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { isSecondFactorPending } from "./access-owner";

/**
 * Ends one of the actor's own sessions (a phone left signed in, a browser at an internet
 * café): the row is revoked, so that device's cookie opens nothing from its next request.
 * Someone else's session, or no session at all, is NOT_FOUND alike, so a guessed id tells
 * nothing; the Auditor reads others' sessions but ends none. A session already over
 * changes nothing and records nothing.
 */
export async function endSession(actor: Actor, sessionId: string): Promise<{ ended: boolean }> {
  if (isSecondFactorPending(actor)) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const now = await dbNow(tx);
    const session = await tx.userSession.findFirst({
      where: { id: sessionId, userId: actor.userId },
      select: { id: true },
    });
    if (!session) throw new AppError("NOT_FOUND");
    const revoked = await tx.userSession.updateMany({
      where: { id: session.id, userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    if (revoked.count === 0) return { ended: false };
    await recordAuditEvent(tx, {
      actor,
      action: "auth.sessionEnded",
      entityType: "User",
      entityId: actor.userId,
      data: { sessionId: session.id, isCurrent: session.id === actor.sessionId },
    });
    return { ended: true };
  });
}
