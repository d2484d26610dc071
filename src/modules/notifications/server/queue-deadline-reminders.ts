import "server-only";
import { activeMembershipWhere } from "@/modules/auth";
import { db, dbNow } from "@/server/db";
import { DEADLINE_REMINDER_KIND, deadlineReminderMessage } from "../domain/messages";
import { notify } from "./notify";

// Serialises reminder passes: two workers at once would both see "not yet reminded".
const REMINDER_LOCK = 815_0201;

type DueTender = { id: string; code: string; name: string; timeZone: string; deadline: Date };

/**
 * For the worker: reminds every registered vendor without a SUBMITTED bid that the bid
 * deadline (end of the latest UPLOAD_PENAWARAN stage) is within 24 hours by the database
 * clock. Once per tender and user: a reminder already in the inbox (same kind and link)
 * is not sent again, so the pass can run every few seconds.
 */
export async function queueDeadlineReminders(): Promise<{ tenders: number; notified: number }> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REMINDER_LOCK})`;
      const due = await tx.$queryRaw<DueTender[]>`
        SELECT t.id, t.code, p.name, a."timeZone", d.deadline
        FROM "Tender" t
        JOIN "Paket" p ON p.id = t."paketId"
        JOIN "Agency" a ON a.id = p."agencyId"
        JOIN LATERAL (SELECT max(s."endsAt") AS deadline FROM "TenderStage" s
                      WHERE s."tenderId" = t.id AND s.kind = 'UPLOAD_PENAWARAN') d ON true
        WHERE t.status = 'PUBLISHED'
          AND d.deadline > segel_now() AND d.deadline <= segel_now() + interval '24 hours'`;
      let notified = 0;
      for (const tender of due) {
        const message = deadlineReminderMessage(tender, tender.deadline);
        const users = await tx.user.findMany({
          where: {
            memberships: { some: { role: "PENYEDIA", ...activeMembershipWhere(await dbNow(tx)) } },
            vendor: {
              participations: { some: { tenderId: tender.id } },
              bids: { none: { tenderId: tender.id, status: "SUBMITTED" } },
            },
          },
          select: { id: true },
        });
        const already = await tx.notification.findMany({
          where: { kind: DEADLINE_REMINDER_KIND, link: message.link, userId: { in: users.map((u) => u.id) } },
          select: { userId: true },
        });
        const done = new Set(already.map((n) => n.userId));
        notified += await notify(tx, { ...message, userIds: users.map((u) => u.id).filter((id) => !done.has(id)) });
      }
      return { tenders: due.length, notified };
    },
    { timeout: 60_000 },
  );
}
