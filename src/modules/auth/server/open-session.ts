import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { SESSION_MAX_AGE_SECONDS } from "../domain/sign-in-policy";

/** How the first factor was proven: a Segel password or a central identity provider. */
export type SignInMethod = "password" | "oidc";

export interface OpenSessionInput {
  userId: string;
  name: string;
  ip: string | null;
  userAgent: string | null;
  method: SignInMethod;
}

/**
 * Opens a UserSession for a user whose first factor has just been checked, notes the login
 * and records auth.signIn with the method. Every sign-in path opens its session here, so
 * what a session needs next (a second factor) applies to all of them alike.
 */
export async function openSession(tx: Tx, input: OpenSessionInput): Promise<{ sessionId: string; userId: string }> {
  const now = await dbNow(tx);
  const session = await tx.userSession.create({
    data: {
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      ip: input.ip,
      userAgent: input.userAgent,
    },
    select: { id: true },
  });
  await tx.user.update({ where: { id: input.userId }, data: { lastLoginAt: now } });
  await recordAuditEvent(tx, {
    actor: { userId: input.userId, name: input.name, ip: input.ip, userAgent: input.userAgent },
    action: "auth.signIn",
    entityType: "User",
    entityId: input.userId,
    data: { sessionId: session.id, method: input.method },
  });
  return { sessionId: session.id, userId: input.userId };
}

/**
 * A disabled account's first factor was right: refused, and recorded as such whichever way it
 * came (actor null: nobody is signed in). `data` says how and from where.
 */
export async function refuseDisabledAccount(userId: string, data: Record<string, unknown>): Promise<never> {
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: null,
      action: "auth.signInFailed",
      entityType: "User",
      entityId: userId,
      data: { reason: "accountDisabled", ...data },
    }),
  );
  throw new AppError("FORBIDDEN", "accountDisabled");
}
