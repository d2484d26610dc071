import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { ADDENDUM_KIND } from "@/modules/notifications/domain";
import { db } from "@/server/db";

/**
 * Addenda of a tender the signed-in vendor user has not yet marked as seen. "Seen" is
 * the readAt of the addendum's notification to that user, so the inbox and the banner
 * agree and no extra table is needed.
 */
export async function findUnseenAddenda(actor: Pick<Actor, "userId">, tenderId: string) {
  const prefix = `/penyedia/tender/${tenderId}/penjelasan#adendum-`;
  const rows = await db.notification.findMany({
    where: { userId: actor.userId, kind: ADDENDUM_KIND, readAt: null, link: { startsWith: prefix } },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, link: true, createdAt: true },
  });
  return rows.map((n) => ({
    notificationId: n.id,
    documentId: n.link!.slice(prefix.length),
    body: n.body,
    createdAt: n.createdAt,
  }));
}
