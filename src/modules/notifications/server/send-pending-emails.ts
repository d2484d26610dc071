import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/server/db";
import { retryAfterFailure } from "../domain/backoff";
import { findSecretLinks, redactSecretLinks } from "../domain/secret-links";

export const DEFAULT_MAIL_FROM = "LPSE Segel <noreply@segel.test>";
/** How long a claimed row is hidden from other senders while this one sends it. */
const CLAIM_LEASE = "10 minutes";

export interface SendResult {
  /** "smtp": sent over SEGEL_SMTP_URL; "viewer": no SMTP configured, read in /surat-keluar */
  mode: "smtp" | "viewer";
  claimed: number;
  sent: number;
  failed: number;
}

interface Options {
  limit?: number;
  /** defaults to SEGEL_SMTP_URL; null or empty means the in-app viewer only */
  smtpUrl?: string | null;
  from?: string;
}

type Claimed = { id: string; to: string; subject: string; text: string; attempts: number };

/**
 * One pass of the mail sender, for the worker loop only (never in a request). Due rows
 * are claimed FOR UPDATE SKIP LOCKED and leased (nextAttemptAt pushed ahead) in a short
 * transaction, so parallel senders never take the same row and no transaction stays open
 * while a mail server is slow. A sender that dies mid-batch leaves its rows to be picked
 * up again when the lease ends: at least once, and exactly once in normal operation.
 */
export async function sendPendingEmails(options: Options = {}): Promise<SendResult> {
  const limit = options.limit ?? 20;
  const smtpUrl = options.smtpUrl === undefined ? process.env.SEGEL_SMTP_URL : options.smtpUrl;
  if (!smtpUrl) return markForViewer(limit);

  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "EmailOutbox" SET "nextAttemptAt" = segel_now() + ${CLAIM_LEASE}::interval
    WHERE id IN (
      SELECT id FROM "EmailOutbox"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= segel_now()
      ORDER BY "nextAttemptAt", "createdAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, text, attempts`;
  const result: SendResult = { mode: "smtp", claimed: claimed.length, sent: 0, failed: 0 };
  if (claimed.length === 0) return result;

  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const from = options.from ?? process.env.SEGEL_MAIL_FROM ?? DEFAULT_MAIL_FROM;
  try {
    for (const mail of claimed) {
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
        // once delivered, a one-use link in the stored copy is no longer needed: it goes
        await db.$executeRaw`UPDATE "EmailOutbox" SET status = 'SENT', "sentAt" = segel_now(), "lastError" = NULL, text = ${redactSecretLinks(mail.text)} WHERE id = ${mail.id}::uuid`;
        result.sent++;
      } catch (error) {
        await recordFailure(mail, error);
        result.failed++;
      }
    }
  } finally {
    transport.close();
  }
  return result;
}

async function recordFailure(mail: Claimed, error: unknown) {
  const attempts = mail.attempts + 1;
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const decision = retryAfterFailure(attempts);
  if (decision.status === "FAILED") {
    await db.$executeRaw`UPDATE "EmailOutbox" SET status = 'FAILED', attempts = ${attempts}, "lastError" = ${message} WHERE id = ${mail.id}::uuid`;
  } else {
    await db.$executeRaw`
      UPDATE "EmailOutbox" SET attempts = ${attempts}, "lastError" = ${message},
        "nextAttemptAt" = segel_now() + ${decision.delayMs} * interval '1 millisecond'
      WHERE id = ${mail.id}::uuid`;
  }
}

/**
 * Without SEGEL_SMTP_URL (development, a fresh `npm start`) mail goes nowhere: it is
 * marked SENT and stays readable in /surat-keluar, so the outbox does not grow forever
 * and a later SMTP set-up does not flood people with old mail.
 */
async function markForViewer(limit: number): Promise<SendResult> {
  const rows = await db.$queryRaw<{ id: string; to: string; text: string }[]>`
    UPDATE "EmailOutbox" SET status = 'SENT', "sentAt" = segel_now(), "lastError" = NULL
    WHERE id IN (
      SELECT id FROM "EmailOutbox"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= segel_now()
      ORDER BY "nextAttemptAt", "createdAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", text`;
  for (const row of rows.filter((r) => r.text !== redactSecretLinks(r.text))) {
    // Nobody receives this mail, and the viewer never shows a one-use link (decision 0033):
    // the demo, whose accounts are public anyway, prints it to the server's own log so a
    // person trying Segel can follow an invitation or a reset; a real instance needs SMTP.
    if (process.env.SEGEL_DEMO !== "0") {
      console.info(`[surat tanpa SMTP] untuk ${row.to}: ${findSecretLinks(row.text).join(" ")}`);
    }
    await db.$executeRaw`UPDATE "EmailOutbox" SET text = ${redactSecretLinks(row.text)} WHERE id = ${row.id}::uuid`;
  }
  return { mode: "viewer", claimed: rows.length, sent: rows.length, failed: 0 };
}
