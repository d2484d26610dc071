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
  // A sign-in that owes its second factor shows the name and sign-out only (decision 0034).
  if (actor.pending) return { name: actor.name, unread: 0, links: [] };
  const roles = [...new Set(actor.memberships.map((m) => m.role))];
  return { name: actor.name, unread: await countUnread(actor), links: linksFor(roles) };
}
