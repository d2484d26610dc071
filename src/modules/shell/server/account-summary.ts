import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { countUnread } from "@/modules/notifications";
import { linksFor } from "../components/role-links";

/** What the header shows of the signed-in user: a name, the unread count and the links of their roles. */
export interface AccountSummary {
  name: string;
  unread: number;
  links: { href: string; label: string }[];
}

export async function loadAccountSummary(actor: Actor | null): Promise<AccountSummary | null> {
  if (!actor) return null;
  const roles = [...new Set(actor.memberships.map((m) => m.role))];
  return { name: actor.name, unread: await countUnread(actor), links: linksFor(roles) };
}
