// The change feed's cursor: the (xid, seq) of the last release a reader has, opaque to the
// reader (base64url of "<xid>.<seq>") so its shape may change without breaking clients.

export interface FeedCursor {
  xid: bigint;
  seq: bigint;
}

/** Page sizes of the feed (configuration, not law): one to a thousand releases, a hundred unless asked. */
export const FEED_LIMIT = { min: 1, max: 1000, default: 100 } as const;

// Both parts are bigint columns: at most 19 digits, no sign, no leading zero.
const PART = /^(0|[1-9][0-9]{0,18})$/;
const MAX_BIGINT = 9223372036854775807n;

export function encodeFeedCursor(cursor: FeedCursor): string {
  return Buffer.from(`${cursor.xid}.${cursor.seq}`, "utf8").toString("base64url");
}

/** The cursor a reader sent, or null when it is not one this feed gave out. */
export function decodeFeedCursor(text: string): FeedCursor | null {
  if (!/^[A-Za-z0-9_-]{1,60}$/.test(text)) return null;
  const [xid, seq, ...rest] = Buffer.from(text, "base64url").toString("utf8").split(".");
  if (rest.length > 0 || xid === undefined || seq === undefined || !PART.test(xid) || !PART.test(seq)) return null;
  const cursor = { xid: BigInt(xid), seq: BigInt(seq) };
  if (cursor.xid > MAX_BIGINT || cursor.seq > MAX_BIGINT) return null;
  // the canonical form only, so one position has one cursor
  return encodeFeedCursor(cursor) === text ? cursor : null;
}

/** ?limit=: absent is the default; anything but a whole number in range is null (a 400). */
export function parseFeedLimit(text: string | null): number | null {
  if (text === null || text === "") return FEED_LIMIT.default;
  if (!/^[0-9]{1,4}$/.test(text)) return null;
  const limit = Number(text);
  return limit >= FEED_LIMIT.min && limit <= FEED_LIMIT.max ? limit : null;
}

/**
 * An ocid in a URL: the instance's prefix form ("ocds-" and six letters or digits), a dash,
 * and the process's own part. Anything else is refused before the database is asked.
 */
export function isOcid(text: string): boolean {
  return /^ocds-[a-z0-9]{6}-[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/.test(text) && !text.includes("..");
}

/** A fiscal year in a URL: four digits within the years a paket can carry. */
export function parseFiscalYear(text: string): number | null {
  if (!/^[0-9]{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= 2000 && year <= 2100 ? year : null;
}
