import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { describeBrowser } from "../domain/browser";
import { accessLogOwner } from "./access-owner";

export interface ActiveSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  browser: string | null;
  /** the session this request came in on */
  isCurrent: boolean;
}

/** Far more than one person's devices; a list this long is itself a finding. */
const MAX_SESSIONS = 100;

/**
 * The user's sessions that still open pages (not revoked, not expired by the database
 * clock), most recently used first. The owner reads their own; the Auditor anyone's.
 */
export async function findActiveSessions(actor: Actor, options: { userId?: string } = {}): Promise<ActiveSession[]> {
  const owner = await accessLogOwner(actor, options.userId);
  const rows = await db.userSession.findMany({
    where: { userId: owner.id, revokedAt: null, expiresAt: { gt: await dbNow() } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: MAX_SESSIONS,
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
  return rows.map(({ userAgent, ...row }) => ({
    ...row,
    browser: describeBrowser(userAgent),
    isCurrent: row.id === actor.sessionId,
  }));
}
