import "server-only";
import { db } from "@/server/db";
import type { FeedCursor } from "../domain/feed-cursor";
import type { JsonObject } from "../domain/merge";

export interface FeedPage {
  releases: JsonObject[];
  /** where the next page starts: after the last release here, or the same cursor (null: the start) when empty */
  next: FeedCursor | null;
  /** whether more releases can be read at once: false means this page reached the head of the feed */
  hasMore: boolean;
}

/**
 * The change feed: releases after `after` in (xid, seq) order, up to `limit`.
 *
 * Only rows written by transactions older than the oldest one still running are served
 * (`xid < pg_snapshot_xmin(pg_current_snapshot())`). A transaction that began earlier but
 * commits later has a smaller xid than rows already committed; without the watermark a
 * reader past those rows would never see it. With it, such rows are held back until every
 * older transaction has ended, so pages chain with no gap and no repeat (docs/decisions/0041).
 * The (xid, seq) index serves the order and the range.
 */
export async function readFeed(after: FeedCursor | null, limit: number): Promise<FeedPage> {
  const start = after ?? { xid: -1n, seq: -1n };
  const rows = await db.$queryRaw<{ xid: bigint; seq: bigint; data: JsonObject }[]>`
    SELECT "xid", "seq", "data" FROM "OcdsRelease"
    WHERE ("xid", "seq") > (${start.xid}::bigint, ${start.seq}::bigint)
      AND "xid" < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
    ORDER BY "xid", "seq"
    LIMIT ${limit + 1}`;
  // one row past the page tells whether the next page is there already
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    hasMore,
    releases: page.map((row) => row.data),
    next: last ? { xid: BigInt(last.xid), seq: BigInt(last.seq) } : after,
  };
}
