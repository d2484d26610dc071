// The build's scripts and styles in brotli for browsers that take it (issue 14, item 5:
// a first visit to the tender list under 150 KB). Next compresses with gzip only; a file
// under /_next/static never changes (its name carries its content's hash), so each is
// compressed once, at brotli's best, and kept: about 13% fewer bytes than gzip on the
// framework's code every first visit carries. Anything else, and a browser without br,
// goes on to Next as before. No "server-only": the HTTP server loads it outside Next.
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";
import { FIXED_HEADERS } from "./security-headers";

// what a script or a style needs of the fixed headers: nosniff, and the referrer policy for a
// style's own fetches; framing and Permissions-Policy apply to documents only (their 200 bytes
// on every file add up on a first visit)
const FILE_HEADERS = FIXED_HEADERS.filter(({ key }) => key === "X-Content-Type-Options" || key === "Referrer-Policy");

const compress = promisify(brotliCompress);

const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};
// hashed build file names only: no "..", no encoded characters
const STATIC_FILE = /^\/_next\/static\/(?:[A-Za-z0-9_~-]+\/)*[A-Za-z0-9_~.-]+\.(?:js|css)$/;

/** Whether the request's Accept-Encoding takes br (and does not refuse it with q=0). */
export function acceptsBrotli(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "br") return false;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

/**
 * Returns a handler that answers a GET or HEAD of a build script or style in brotli and
 * reports true, or reports false (the caller hands the request to Next). `staticDir` is
 * the build's `.next/static`.
 */
export function createStaticBrotli(staticDir: string) {
  // the build's files are a fixed, small set (about 1 MB): every compressed one is kept
  const compressed = new Map<string, Promise<Buffer | null>>();

  function load(file: string): Promise<Buffer | null> {
    let entry = compressed.get(file);
    if (!entry) {
      entry = readFile(path.join(staticDir, file)).then(
        (raw) => compress(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        () => null, // not in this build: Next answers (a 404)
      );
      compressed.set(file, entry);
      // a name not in the build is not remembered: made-up names cannot fill the memory
      void entry.then((body) => body ?? compressed.delete(file));
    }
    return entry;
  }

  return async function serveStaticBrotli(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const pathname = (req.url ?? "").split("?")[0]!;
    if (!STATIC_FILE.test(pathname) || !acceptsBrotli(req.headers["accept-encoding"])) return false;
    const body = await load(pathname.slice("/_next/static/".length));
    if (!body) return false;
    for (const { key, value } of FILE_HEADERS) res.setHeader(key, value);
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(pathname)]!,
      "Content-Encoding": "br",
      "Content-Length": body.length,
      "Cache-Control": "public, max-age=31536000, immutable",
      Vary: "Accept-Encoding",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
