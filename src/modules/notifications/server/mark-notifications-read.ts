import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";

/**
 * Marks the user's own messages read (all unread ones when no ids are given) with the
 * database time. Not audited: it changes no procurement data, only what the reader has
 * seen; readAt itself is the record (e.g. when a vendor saw an addendum).
 * Someone else's id is silently ignored, so ids cannot be probed.
 */
export async function markNotificationsRead(actor: Pick<Actor, "userId">, ids?: readonly string[]): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId: actor.userId, readAt: null, ...(ids ? { id: { in: [...ids] } } : {}) },
    data: { readAt: await dbNow() },
  });
  return count;
}
