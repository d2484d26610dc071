import "server-only";
import { readLpseProfile } from "@/modules/lpse";
import type { Tx } from "@/server/db";
import { signMail } from "../domain/mail-signature";

/**
 * An e-mail with no inbox row, written in the caller's transaction: account mail (an
 * invitation, a reset link) goes to people who may not be able to sign in yet. A link to a
 * one-use account page in `text` is redacted once sent and never shown in /surat-keluar
 * (domain/secret-links.ts, decision 0033).
 */
export async function queueEmail(tx: Tx, mail: { to: string; subject: string; text: string }): Promise<void> {
  const text = signMail(mail.text, await readLpseProfile(tx));
  await tx.emailOutbox.create({ data: { to: mail.to, subject: mail.subject, text } });
}
