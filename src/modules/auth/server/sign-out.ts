import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "../domain/permissions";

/**
 * Ends a session for good: the row is marked revoked, so the JWT cookie, even if kept,
 * opens nothing. Only the session's owner signs it out; a second call changes nothing.
 */
export async function revokeSession(sessionId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({
      where: { id: sessionId },
      select: { userId: true, revokedAt: true },
    });
    if (!session || session.userId !== actor.userId) throw new AppError("NOT_FOUND");
    if (session.revokedAt) return;
    const revoked = await tx.userSession.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: await dbNow(tx) },
    });
    if (revoked.count === 0) return;
    await recordAuditEvent(tx, {
      actor,
      action: "auth.signOut",
      entityType: "User",
      entityId: actor.userId,
      data: { sessionId },
    });
  });
}
