// The portal's HTTP server, started by `npm start` (src/cli/start.ts) in place of
// `next start`: the same Next request handler, with one step in front that decides the
// client's address from the socket and SEGEL_TRUSTED_PROXIES (src/server/forwarded-headers.ts).
// Usage: tsx src/cli/serve.ts [--dev], with PORT (default 3000).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import compression from "compression";
import { stampArrival } from "../server/arrival-stamp";
import { compileTrustedProxies, stampForwardedHeaders } from "../server/forwarded-headers";
import { createPageCache, publicPageKey, shareAcrossVisitors } from "../server/page-cache";
import { createStaticBrotli } from "../server/static-brotli";
import { drainOnShutdown } from "./graceful-shutdown";
import { exitUnlessClusterSettings } from "../server/cluster-settings";
import { startWebHeartbeat } from "./web-heartbeat";

// an instance of a cluster serves only with the cluster's shared keys (docs/decisions/0017)
exitUnlessClusterSettings();

const dev = process.argv.includes("--dev");
// as `next start` does; React and Next read it when they load, hence the import below
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production") });
const { default: next } = await import("next");
const port = Number(process.env.PORT ?? 3000);
const trust = compileTrustedProxies(process.env.SEGEL_TRUSTED_PROXIES);
// Public pages as every visitor sees them, kept a few seconds (docs/decisions/0016);
// off under `next dev`, where a change should show at once.
const servePage = createPageCache({ seconds: dev ? 0 : Number(process.env.SEGEL_PUBLIC_PAGE_CACHE_SECONDS ?? 5) });

// Pages, data and API answers in brotli when the browser takes it (else gzip): Next compresses
// with gzip only (its own compression is off in next.config.ts). Quality 5 keeps a render's
// CPU small; a shared page is compressed once and kept so by the page cache, whose key holds
// Accept-Encoding. Streams stay streamed: Next flushes the compressor after each chunk.
const compressWith = (quality: number) =>
  compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } }, filter: compressible });
const compress = compressWith(5);
// a page shared by every visitor is compressed once per cache window: there brotli's best pays
const compressShared = compressWith(11);

/**
 * compression's own test, after one repair: a route handler's answer reaches here with its
 * Content-Type as a one-element array (Next appends the headers of its Response), which
 * compression reads as no type and so sent the JSON of /api (the OCDS feed among it) whole.
 */
function compressible(req: IncomingMessage, res: ServerResponse): boolean {
  const type = res.getHeader("Content-Type");
  if (Array.isArray(type)) res.setHeader("Content-Type", type.join(", "));
  return compression.filter(req as never, res as never);
}

// The build's scripts and styles in brotli, each compressed once (issue 14: page weight).
const serveBuildFile = dev
  ? async () => false
  : createStaticBrotli(path.resolve(import.meta.dirname, "../../.next/static"));

const server = createServer();
const { drain } = drainOnShutdown(server);
server.on("request", (req, res) => {
  // first: when the request reached Segel, before it queues anywhere (docs/decisions/0020)
  stampArrival(req);
  stampForwardedHeaders(req, trust);
  // a page the same for everyone is rendered without the visitor's session (0016)
  shareAcrossVisitors(req);
  void serveBuildFile(req, res)
    .catch(() => false)
    .then((done) => {
      if (!done)
        void servePage(req, res, () => {
          const compressor = publicPageKey(req) ? compressShared : compress;
          compressor(req as never, res as never, () => void handle(req, res));
        });
    });
});
// httpServer lets Next attach its own upgrade handler (hot reload in dev).
const app = next({ dev, dir: path.resolve(import.meta.dirname, "../.."), port, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();
// the web's heartbeat starts when it listens: the availability ledger (docs/decisions/0040)
let heartbeat: { stop: () => void } | null = null;
server.listen(port, () => {
  console.log(
    `[segel] Listening on port ${port}${process.env.SEGEL_TRUSTED_PROXIES ? `, trusting proxies ${process.env.SEGEL_TRUSTED_PROXIES}` : ""}`,
  );
  startWebHeartbeat().then(
    (started) => (isStopping ? started.stop() : (heartbeat = started)),
    (err: unknown) => console.error("[segel] The web heartbeat could not start:", err),
  );
});

// SIGTERM drains (src/cli/graceful-shutdown.ts): a rolling upgrade loses no request.
// Past SEGEL_DRAIN_TIMEOUT_MS (default 120 s, configuration, not law) what is left is cut.
const drainTimeoutMs = Number(process.env.SEGEL_DRAIN_TIMEOUT_MS ?? 120_000);
let isStopping = false;
async function stop(signal: string) {
  if (isStopping) return;
  isStopping = true;
  console.log(`[segel] ${signal}: draining (port ${port})`);
  heartbeat?.stop();
  await drain(drainTimeoutMs);
  await app.close().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
