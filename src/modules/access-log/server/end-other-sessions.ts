import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { isSecondFactorPending } from "./access-owner";

/**
 * Ends every session of the actor but the one this request came in on: what a person does
 * on seeing a sign-in they do not recognise. Records one event naming the sessions ended;
 * when none was open, nothing is written.
 */
export async function endOtherSessions(actor: Actor): Promise<{ ended: number }> {
  if (isSecondFactorPending(actor)) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const now = await dbNow(tx);
    const others = {
      userId: actor.userId,
      revokedAt: null,
      expiresAt: { gt: now },
      ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}),
    };
    const sessions = await tx.userSession.findMany({ where: others, select: { id: true }, orderBy: { id: "asc" } });
    if (sessions.length === 0) return { ended: 0 };
    const ids = sessions.map((s) => s.id);
    const revoked = await tx.userSession.updateMany({
      where: { ...others, id: { in: ids } },
      data: { revokedAt: now },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "auth.otherSessionsEnded",
      entityType: "User",
      entityId: actor.userId,
      data: { sessionIds: ids, kept: actor.sessionId },
    });
    return { ended: revoked.count };
  });
}
