import { loadAccountSummary } from "@/modules/shell/server/account-summary";
import { route } from "@/server/route";
import { getSessionActor } from "@/server/session";

export const dynamic = "force-dynamic";

/**
 * The signed-in user's part of the header, for pages shared by every visitor
 * (docs/decisions/0016); `{ account: null }` for a visitor who is not signed in.
 */
export const GET = route("account", async () =>
  Response.json(
    { account: await loadAccountSummary(await getSessionActor()) },
    { headers: { "Cache-Control": "private, no-store" } },
  ),
);
