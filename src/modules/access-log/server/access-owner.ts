import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export interface AccessLogOwner {
  id: string;
  name: string;
  email: string;
}

/**
 * A session still waiting for its second factor (or for the TOTP enrolment its user owes)
 * has proven only a password: its actor has no roles and a `pending` marker (decision
 * 0034). It may not read where and when the owner signs in, nor end the owner's sessions,
 * or a stolen password alone would do both.
 */
export function isSecondFactorPending(actor: Actor): boolean {
  // read loosely so this compiles before and after the marker lands in Actor
  return Boolean((actor as Actor & { pending?: unknown }).pending);
}

/**
 * Whose access log the actor may read: their own, or, for the Auditor, anyone's
 * (`accessLog.readAny`; the LPSE admin reads the audit trail but not others' sign-ins:
 * docs/decisions/0038). Someone else's id without that right is FORBIDDEN; an id of nobody
 * is NOT_FOUND, asked only once the right is there, so an outsider learns nothing.
 */
export async function accessLogOwner(actor: Actor, userId?: string): Promise<AccessLogOwner> {
  if (isSecondFactorPending(actor)) throw new AppError("FORBIDDEN");
  const ownerId = userId ?? actor.userId;
  if (ownerId !== actor.userId && !can(actor, "accessLog.readAny")) throw new AppError("FORBIDDEN");
  const owner = await db.user.findUnique({ where: { id: ownerId }, select: { id: true, name: true, email: true } });
  if (!owner) throw new AppError("NOT_FOUND");
  return owner;
}
