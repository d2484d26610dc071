// The portal's HTTP server, started by `npm start` (src/cli/start.ts) in place of
// `next start`: the same Next request handler, with one step in front that decides the
// client's address from the socket and SEGEL_TRUSTED_PROXIES (src/server/forwarded-headers.ts).
// Usage: tsx src/cli/serve.ts [--dev], with PORT (default 3000).
import { createServer } from "node:http";
import path from "node:path";
import { compileTrustedProxies, stampForwardedHeaders } from "../server/forwarded-headers";

const dev = process.argv.includes("--dev");
// as `next start` does; React and Next read it when they load, hence the import below
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production") });
const { default: next } = await import("next");
const port = Number(process.env.PORT ?? 3000);
const trust = compileTrustedProxies(process.env.SEGEL_TRUSTED_PROXIES);

const server = createServer((req, res) => {
  stampForwardedHeaders(req, trust);
  void handle(req, res);
});
// httpServer lets Next attach its own upgrade handler (hot reload in dev).
const app = next({ dev, dir: path.resolve(import.meta.dirname, "../.."), port, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();
server.listen(port, () => console.log(`[segel] Listening on port ${port}${process.env.SEGEL_TRUSTED_PROXIES ? `, trusting proxies ${process.env.SEGEL_TRUSTED_PROXIES}` : ""}`));

const stop = () => server.close(() => void app.close().finally(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
