// The mail the empty instance sent, read from the real SMTP server that tests/e2e/serve-empty.ts
// runs (through its test-only endpoint on 127.0.0.1): invitations, reset links, notices.
import { expect } from "@playwright/test";
import { E2E_EMPTY_MAIL_PORT } from "../env";

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** Every message the SMTP server has received so far, oldest first. */
export async function allMail(): Promise<ReceivedMail[]> {
  const response = await fetch(`http://127.0.0.1:${E2E_EMPTY_MAIL_PORT}/mail`);
  if (!response.ok) throw new Error(`the mail endpoint answered ${response.status}`);
  return (await response.json()) as ReceivedMail[];
}

/**
 * Waits for the newest mail to `address` (any letter case) whose subject matches, sent
 * after `after` earlier ones to that address: the worker sends the outbox every second.
 */
export async function waitForMail(
  address: string,
  options: { subject?: RegExp; after?: number; timeout?: number } = {},
): Promise<ReceivedMail> {
  const wanted = (mail: ReceivedMail) =>
    mail.to.some((to) => to.toLowerCase() === address.toLowerCase()) &&
    (!options.subject || options.subject.test(mail.subject));
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        const mine = (await allMail()).filter(wanted);
        found = mine.length > (options.after ?? 0) ? mine.at(-1) : undefined;
        return Boolean(found);
      },
      { timeout: options.timeout ?? 30_000, message: `a mail to ${address}` },
    )
    .toBe(true);
  return found!;
}

/** How many mails `address` has received so far: pass it as `after` before an action that mails. */
export async function countMail(address: string): Promise<number> {
  return (await allMail()).filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase())).length;
}

/** The first link in a mail's text whose path starts with `pathPrefix` (e.g. "/undangan/"), as a path. */
export function extractLink(mail: ReceivedMail, pathPrefix: string): string {
  for (const match of mail.text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(pathPrefix)) return `${url.pathname}${url.search}`;
  }
  throw new Error(`no link to ${pathPrefix} in the mail "${mail.subject}":\n${mail.text}`);
}
