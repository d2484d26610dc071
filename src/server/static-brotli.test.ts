import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsBrotli, createStaticBrotli } from "./static-brotli";

const SCRIPT = `console.log(${JSON.stringify("segel ".repeat(2000))});`;
let dir: string;
let server: Server;
let port: number;

/** A raw request (no client-side decompression), answered by the handler or by "Next" (404 next). */
function get(url: string, encoding: string | null, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(
      { port, path: url, method, headers: encoding === null ? {} : { "accept-encoding": encoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "static-brotli-"));
  await mkdir(path.join(dir, "static", "chunks"), { recursive: true });
  await writeFile(path.join(dir, "static", "chunks", "0abc_12-x.js"), SCRIPT);
  await writeFile(path.join(dir, "secret.js"), "secret");
  const serve = createStaticBrotli(path.join(dir, "static"));
  server = createServer((req, res) => {
    void serve(req, res).then((done) => {
      if (!done) res.writeHead(404).end("next");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("build scripts in brotli", () => {
  it("answers a browser that takes br with the file compressed, cached for a year, with the fixed headers", async () => {
    const answer = await get("/_next/static/chunks/0abc_12-x.js", "gzip, deflate, br, zstd");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(answer.headers["vary"]).toBe("Accept-Encoding");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["permissions-policy"]).toBeUndefined(); // a document's header, not a script's
    expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 10);
    const head = await get("/_next/static/chunks/0abc_12-x.js", "br", "HEAD");
    expect(head.headers["content-length"]).toBe(String(answer.body.length));
    expect(head.body.length).toBe(0);
  });

  it("leaves to Next a browser without br, another path, a missing file and any way out of the build", async () => {
    for (const [url, encoding] of [
      ["/_next/static/chunks/0abc_12-x.js", "gzip, deflate"],
      ["/_next/static/chunks/0abc_12-x.js", "br;q=0, gzip"],
      ["/_next/static/chunks/0abc_12-x.js", null],
      ["/_next/static/chunks/missing.js", "br"],
      ["/_next/static/../secret.js", "br"],
      ["/_next/static/chunks/%2e%2e/%2e%2e/secret.js", "br"],
      ["/_next/image?url=x.js", "br"],
      ["/tender", "br"],
    ] as const) {
      const answer = await get(url, encoding);
      expect([url, encoding, answer.status, answer.body.toString()]).toEqual([url, encoding, 404, "next"]);
    }
  });

  it("reads Accept-Encoding's q values", () => {
    expect(acceptsBrotli("br")).toBe(true);
    expect(acceptsBrotli("gzip;q=1.0, br;q=0.5")).toBe(true);
    expect(acceptsBrotli("br;q=0")).toBe(false);
    expect(acceptsBrotli("gzip, brotli")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });
});
