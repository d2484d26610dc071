import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";

/** Unread inbox messages of the signed-in user, for the header badge. */
export async function countUnread(actor: Pick<Actor, "userId">): Promise<number> {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}
