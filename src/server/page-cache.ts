// A few seconds' cache of the public pages as every visitor sees them
// (docs/decisions/0016-public-page-caching.md). It sits in src/cli/serve.ts in front of
// Next, so a crowd reading the same tender is answered from memory instead of rendered
// once per request. No "server-only": the HTTP server loads it outside Next.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import { SIGNED_IN_HINT } from "./signed-in-hint-name";
import { SHARED_PAGE_HEADER } from "./shared-page-header";

/**
 * Pages that are the same for every visitor, signed in or not. They are rendered without
 * the visitor's cookies (shareAcrossVisitors), so nothing personal can reach them; what a
 * signed-in visitor sees of their own (the header's account part, the tender's
 * registration) the browser asks /api/me for. A crowd of signed-in vendors reading the
 * tender before its deadline is then served from this cache too.
 */
const SHARED_PAGES = [
  /^\/$/,
  /^\/tender$/,
  /^\/tender\/[^/]+$/,
  /^\/tender\/[^/]+\/pemenang$/,
  /^\/transparansi$/,
  // the status page (docs/decisions/0040): the same for everyone; 5 s late is fine for it
  /^\/status$/,
  // what is published as open data and how (docs/decisions/0041): the same for everyone
  /^\/data-terbuka$/,
  // the red flags, their definitions and the flagged tenders (docs/decisions/0041): the same for everyone
  /^\/tanda-bahaya$/,
  // the daftar hitam (issue 15): public, the same for everyone
  /^\/daftar-hitam$/,
];

/** Public pages that show staff more (a button to record, an upload): shared among anonymous visitors only. */
const ANONYMOUS_PAGES = [/^\/non-tender$/, /^\/non-tender\/(?!baru$)[^/]+$/];

const pathOf = (req: IncomingMessage) => (req.url ?? "").split("?")[0]!;

/**
 * Makes a GET of a shared page anonymous before Next sees it: every cookie but the language
 * is dropped and SHARED_PAGE_HEADER is set (src/server/shared-page.ts reads it). The header
 * is removed from every other request, so a client cannot claim it.
 */
export function shareAcrossVisitors(req: IncomingMessage): void {
  delete req.headers[SHARED_PAGE_HEADER];
  if (req.method !== "GET" || !SHARED_PAGES.some((page) => page.test(pathOf(req)))) return;
  const locale = (req.headers.cookie ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith("locale="));
  if (locale) req.headers.cookie = locale;
  else delete req.headers.cookie;
  delete req.headers.authorization;
  req.headers[SHARED_PAGE_HEADER] = "1";
}

/**
 * Cookies an anonymous page does not depend on (next-auth's sign-in helpers) or that are
 * part of the key (the language). Any other cookie, above all a session, means the visitor
 * is served a fresh page and that page is never kept: a signed-in header never reaches
 * anyone else, and a signed-in visitor never gets an anonymous page.
 */
const ANONYMOUS_COOKIES = new Set([
  "locale",
  // read by the browser only; a stale one is harmless
  SIGNED_IN_HINT,
  "next-auth.csrf-token",
  "__Host-next-auth.csrf-token",
  "next-auth.callback-url",
  "__Secure-next-auth.callback-url",
]);

/** Request headers an answer may vary on (Next's own Vary list, and compression): all in the key. */
const KEY_HEADERS = [
  "accept-encoding",
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
];

/** Headers of the stored answer that belong to one connection, not to the page. */
const CONNECTION_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "age"]);

const MAX_URL_LENGTH = 2048;
/** Bounds (configuration, not law): a page larger than this is served but not kept. */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

export interface CachedPage {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/** The cache key of a request whose answer may be shared, or null when it must be rendered for it alone. */
export function publicPageKey(req: IncomingMessage): string | null {
  const url = req.url ?? "";
  if (req.method !== "GET" || req.headers.authorization || url.length > MAX_URL_LENGTH) return null;
  if (![...SHARED_PAGES, ...ANONYMOUS_PAGES].some((page) => page.test(pathOf(req)))) return null;
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const at = part.indexOf("=");
    const name = (at < 0 ? part : part.slice(0, at)).trim();
    if (!name) continue;
    if (!ANONYMOUS_COOKIES.has(name)) return null;
    cookies.set(name, at < 0 ? "" : part.slice(at + 1).trim());
  }
  return JSON.stringify([url, cookies.get("locale") ?? "", ...KEY_HEADERS.map((h) => String(req.headers[h] ?? ""))]);
}

/** Whether an answer is one page for everyone: a 200 HTML or RSC answer that sets no cookie and varies on nothing outside the key. */
function isShareable(page: CachedPage): boolean {
  const type = String(page.headers["content-type"] ?? "");
  const vary = String(page.headers.vary ?? "")
    .toLowerCase()
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return (
    page.status === 200 &&
    page.headers["set-cookie"] === undefined &&
    (type.startsWith("text/html") || type.startsWith("text/x-component")) &&
    vary.every((h) => KEY_HEADERS.includes(h))
  );
}

type Chunk = string | Uint8Array | ((error?: Error | null) => void) | undefined | null;

/**
 * Copies what Next writes to the visitor's response while it streams to them; resolves
 * with the whole answer when it ends, or undefined when it cannot be shared.
 */
function capture(res: ServerResponse): Promise<CachedPage | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let headHeaders: OutgoingHttpHeaders = {};
    let isKeepable = true;
    const keep = (chunk: Chunk, encoding?: unknown) => {
      if (chunk == null || typeof chunk === "function") return;
      const bytes =
        typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : Buffer.from(chunk);
      size += bytes.length;
      if (size > MAX_PAGE_BYTES) isKeepable = false;
      else chunks.push(bytes);
    };
    const { writeHead, write, end } = res;
    res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
      if (Array.isArray(headers)) isKeepable = false;
      else if (headers) headHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
      return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
    } as ServerResponse["writeHead"];
    res.write = function (this: ServerResponse, chunk: Chunk, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse["write"];
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      keep(args[0] as Chunk, args[1]);
      const result = (end as (...a: unknown[]) => ServerResponse).apply(this, args);
      const headers = Object.fromEntries(
        Object.entries({ ...res.getHeaders(), ...headHeaders }).filter(([k]) => !CONNECTION_HEADERS.has(k)),
      );
      const page = { status: res.statusCode, headers, body: Buffer.concat(chunks) };
      resolve(isKeepable && isShareable(page) ? page : undefined);
      return result;
    } as ServerResponse["end"];
    // the visitor left before the end: the copy is incomplete
    res.once("close", () => resolve(undefined));
  });
}

interface Context {
  res: ServerResponse;
  render: () => Promise<unknown> | void;
  isRenderer: boolean;
}

export interface PageCacheOptions {
  /** How long a page is served without rendering it again; 0 turns the cache off. */
  seconds: number;
  /** The clock, for tests (lru-cache's own `perf`); performance.now() otherwise. */
  perf?: { now: () => number };
}

/**
 * Serves a shareable request from the cache, or renders it with `render` (Next's handler
 * on the same req and res). Requests for the same page that arrive while it renders wait
 * for that one rendering instead of starting their own.
 */
export function createPageCache({ seconds, perf }: PageCacheOptions) {
  const cache = new LRUCache<string, CachedPage, Context>({
    maxSize: MAX_CACHE_BYTES,
    // the key counts too: a client chooses the router headers in it
    sizeCalculation: (page, key) => page.body.length + key.length + 1024,
    ttl: Math.max(seconds, 0) * 1000 || 1,
    // read the clock on every check: a page must not outlive its window, even by a tick
    ttlResolution: 0,
    ...(perf ? { perf } : {}),
    fetchMethod: async (_key, _stale, { context }) => {
      context.isRenderer = true;
      const page = capture(context.res);
      await Promise.resolve(context.render()).catch(() => undefined);
      return page;
    },
  });

  return async function servePage(
    req: IncomingMessage,
    res: ServerResponse,
    render: () => Promise<unknown> | void,
  ): Promise<void> {
    const key = seconds > 0 ? publicPageKey(req) : null;
    if (!key) return void (await render());
    const context: Context = { res, render, isRenderer: false };
    const page = await cache.fetch(key, { context }).catch(() => undefined);
    if (context.isRenderer) return;
    if (!page) return void (await render());
    const age = Math.max(0, Math.floor((seconds * 1000 - cache.getRemainingTTL(key)) / 1000));
    res.writeHead(page.status, {
      ...page.headers,
      "content-length": page.body.length,
      age: String(age),
      "x-segel-page-cache": "hit",
    });
    res.end(page.body);
  };
}
