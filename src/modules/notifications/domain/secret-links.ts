/**
 * Links that are secrets: whoever holds one can set a password or confirm an address (the
 * one-use account links of src/modules/auth, decision 0033). The outbox keeps them only
 * until the mail is sent, and /surat-keluar never shows one, so an Admin LPSE or an
 * Auditor reading the outbox cannot take over an account.
 */
const SECRET_LINK = /\/(undangan|atur-ulang-kata-sandi|konfirmasi-email)\/[A-Za-z0-9_-]+/g;

export const REDACTED_TOKEN = "[tautan-rahasia-disembunyikan]";

export function redactSecretLinks(text: string): string {
  return text.replace(SECRET_LINK, (_match, page: string) => `/${page}/${REDACTED_TOKEN}`);
}

/** The secret links in a text, for the demo's server log (no SMTP, SEGEL_DEMO on). */
export function findSecretLinks(text: string): string[] {
  return [...text.matchAll(/\S*\/(?:undangan|atur-ulang-kata-sandi|konfirmasi-email)\/[A-Za-z0-9_-]+/g)].map(
    (m) => m[0],
  );
}
