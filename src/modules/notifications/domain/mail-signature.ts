/** What an e-mail says about the LPSE that sent it (its profile, /admin/profil). */
export interface MailSender {
  name: string;
  address: string | null;
  contactEmail: string | null;
  phone: string | null;
  website: string | null;
}

const SEPARATOR = "\n--\n";

/**
 * Puts the LPSE's name, address and contact under the mail's signature separator ("--"),
 * above the automatic-message line the mail already has there, or adds a separator when
 * it has none. Every mail Segel sends passes here, so a recipient can tell which LPSE wrote.
 */
export function signMail(text: string, lpse: MailSender): string {
  const contact = [lpse.phone ? `Telp. ${lpse.phone}` : null, lpse.contactEmail, lpse.website].filter(Boolean);
  const block = [lpse.name, lpse.address?.replace(/\s*\n\s*/g, ", "), contact.join(" · ")].filter(Boolean).join("\n");
  const at = text.lastIndexOf(SEPARATOR);
  if (at < 0) return `${text.trimEnd()}\n${SEPARATOR}${block}`;
  return `${text.slice(0, at)}${SEPARATOR}${block}\n${text.slice(at + SEPARATOR.length)}`;
}
