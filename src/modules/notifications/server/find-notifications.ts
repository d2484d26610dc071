import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";

export const INBOX_PAGE_SIZE = 30;

/** The signed-in user's inbox, newest first; only their own rows. */
export async function findNotifications(actor: Pick<Actor, "userId">, page = 1) {
  const where = { userId: actor.userId };
  const [total, items] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (Math.max(1, page) - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
    }),
  ]);
  return { items, total, pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)) };
}
