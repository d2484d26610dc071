import { decodeFeedCursor, encodeFeedCursor, FEED_LIMIT, parseFeedLimit } from "@/modules/open-data/domain/feed-cursor";
import { releasePackage } from "@/modules/open-data/domain/packages";
import { readFeed } from "@/modules/open-data/server/feed";
import { route } from "@/server/route";
import { ocdsJson, packageMeta, publicOrigin, refuse } from "../ocds-http";

export const dynamic = "force-dynamic";

/** A feed page's answer may be kept briefly: a later one only adds releases after it (configuration, not law). */
const FEED_CACHE_SECONDS = 10;

/**
 * Public: the change feed, a release package of the releases after ?after= (docs/decisions/0041).
 * `links.next` (the OCDS pagination extension) is there while more releases can be read at
 * once; the Link header (rel="next") always says where to read on, also at the head of the
 * feed; with nothing new after the cursor the answer is 204 with that header.
 */
export const GET = route("ocds feed", async (request: Request) => {
  const query = new URL(request.url).searchParams;
  const afterText = query.get("after");
  const after = afterText === null || afterText === "" ? null : decodeFeedCursor(afterText);
  if (afterText && !after) return refuse(request, 400, "badCursor");
  const limit = parseFeedLimit(query.get("limit"));
  if (limit === null) return refuse(request, 400, "badLimit", { min: FEED_LIMIT.min, max: FEED_LIMIT.max });

  const page = await readFeed(after, limit);
  const next = new URL(`${publicOrigin(request)}/api/ocds/feed`);
  if (page.next) next.searchParams.set("after", encodeFeedCursor(page.next));
  if (query.has("limit")) next.searchParams.set("limit", String(limit));
  const link = { Link: `<${next.toString()}>; rel="next"` };
  if (page.releases.length === 0)
    return new Response(null, {
      status: 204,
      headers: { ...link, "Cache-Control": `public, max-age=${FEED_CACHE_SECONDS}` },
    });
  const body = releasePackage(await packageMeta(request), page.releases, page.hasMore ? next.toString() : undefined);
  return ocdsJson(body, { maxAge: FEED_CACHE_SECONDS, headers: link });
});
