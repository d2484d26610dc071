import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { can, type Actor } from "../domain/permissions";

/**
 * Ends a link: the identity no longer signs in as the user. The row goes; the audit trail
 * keeps who linked and unlinked what. Sessions already open run on until they expire or the
 * user is disabled (decision 0035).
 */
export async function unlinkIdentity(actor: Actor, input: { identityId: string }): Promise<void> {
  if (!can(actor, "user.linkIdentity")) throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    const identity = await tx.externalIdentity.findUnique({
      where: { id: input.identityId },
      select: { id: true, issuer: true, subject: true, userId: true },
    });
    if (!identity) throw new AppError("NOT_FOUND");
    // Of two admins clicking at once, one removes it and records it; the other hears NOT_FOUND.
    const removed = await tx.externalIdentity.deleteMany({ where: { id: identity.id } });
    if (removed.count === 0) throw new AppError("NOT_FOUND");
    await recordAuditEvent(tx, {
      actor,
      action: "user.identityUnlinked",
      entityType: "User",
      entityId: identity.userId,
      data: { identityId: identity.id, issuer: identity.issuer, subject: identity.subject },
    });
  });
}
