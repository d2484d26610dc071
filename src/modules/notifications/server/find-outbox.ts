import "server-only";
import type { EmailStatus } from "@/generated/prisma/enums";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { redactSecretLinks } from "../domain/secret-links";

export const OUTBOX_PAGE_SIZE = 30;

/**
 * Outgoing mail for /surat-keluar: Admin LPSE and Auditor only, since it holds every
 * user's address and messages. Also where mail lands when no SMTP server is configured.
 */
export async function findOutbox(actor: Actor, options: { page?: number; status?: EmailStatus } = {}) {
  if (!can(actor, "email.readOutbox")) throw new AppError("FORBIDDEN");
  const where = options.status ? { status: options.status } : {};
  const [total, items] = await Promise.all([
    db.emailOutbox.count({ where }),
    db.emailOutbox.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (Math.max(1, options.page ?? 1) - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        to: true,
        subject: true,
        text: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
      },
    }),
  ]);
  return {
    // a mail not yet sent still holds its one-use link; the reader never sees it (decision 0033)
    items: items.map((item) => ({ ...item, text: redactSecretLinks(item.text) })),
    total,
    pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
    smtpConfigured: Boolean(process.env.SEGEL_SMTP_URL),
  };
}
