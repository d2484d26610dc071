import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCache, publicPageKey, shareAcrossVisitors } from "./page-cache";
import { SHARED_PAGE_HEADER } from "./shared-page-header";

// A real HTTP server in front of a stand-in for Next, with the two steps src/cli/serve.ts
// puts in front of Next: the header shows who is signed in, as the portal's does on a page
// rendered for one visitor, and every rendering is counted. The cache's clock is moved by hand.
let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

function start(page: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>, seconds = 5) {
  const clock = { ms: 1_000_000, now: () => clock.ms };
  const servePage = createPageCache({ seconds, perf: clock });
  let renders = 0;
  server = createServer((req, res) => {
    shareAcrossVisitors(req);
    void servePage(req, res, () => (renders++, page(req, res)));
  });
  return new Promise<{
    get: (path: string, headers?: Record<string, string>) => Promise<Response>;
    renders: () => number;
    clock: typeof clock;
  }>((ready) =>
    server!.listen(0, "127.0.0.1", () => {
      const { port } = server!.address() as AddressInfo;
      ready({
        get: (path, headers = {}) => fetch(`http://127.0.0.1:${port}${path}`, { headers }),
        renders: () => renders,
        clock,
      });
    }),
  );
}

let edition = 1;
/** The page as Next would stream it: status, headers, the body in two chunks. */
function tenderPage(req: IncomingMessage, res: ServerResponse) {
  const session = /session-token(?:\.\d+)?=(\w+)/.exec(req.headers.cookie ?? "")?.[1];
  res.statusCode = 200;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader(
    "vary",
    "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
  );
  res.write(`<header>${session ? `Signed in as ${session}` : "Masuk"}</header>`);
  res.end(`<main>edition ${edition}</main>`);
}

describe("the public page cache", () => {
  it("answers a second anonymous visitor from memory until the window ends, then renders the change", async () => {
    edition = 1;
    const site = await start(tenderPage);
    const first = await site.get("/tender/10012026001");
    expect(await first.text()).toContain("edition 1");
    edition = 2;
    const second = await site.get("/tender/10012026001");
    expect(second.headers.get("x-segel-page-cache")).toBe("hit");
    expect(second.headers.get("age")).toBe("0");
    expect(await second.text()).toContain("edition 1");
    expect(site.renders()).toBe(1);

    site.clock.ms += 4_000;
    expect((await site.get("/tender/10012026001")).headers.get("age")).toBe("4");
    site.clock.ms += 1_001;
    expect(await (await site.get("/tender/10012026001")).text()).toContain("edition 2");
    expect(site.renders()).toBe(2);
  });

  it("serves a signed-in visitor the shared page, rendered without anyone's session", async () => {
    const site = await start(tenderPage);
    const vendor = await site.get("/tender", { cookie: "locale=id; next-auth.session-token=budi" });
    expect(await vendor.text()).toContain("Masuk");
    // the secure cookie name (https) and a chunked session cookie are dropped as well
    const siti = await site.get("/tender", { cookie: "__Secure-next-auth.session-token.0=siti; locale=id" });
    expect(siti.headers.get("x-segel-page-cache")).toBe("hit");
    expect(await siti.text()).not.toContain("siti");
    expect(site.renders()).toBe(1);
  });

  it("renders what is not shared for the visitor alone, with their session: a staff page, a non-tender record, a form sent", async () => {
    const seen: (string | undefined)[] = [];
    const site = await start((req, res) => (seen.push(req.headers.cookie), tenderPage(req, res)));
    for (const path of ["/non-tender", "/dasbor"]) {
      const page = await site.get(path, { cookie: "next-auth.session-token=budi" });
      expect(page.headers.get("x-segel-page-cache")).toBeNull();
      expect(await page.text()).toContain("Signed in as budi");
    }
    // anonymous visitors still share the non-tender list, and never get budi's
    await site.get("/non-tender");
    const anonymous = await site.get("/non-tender");
    expect(anonymous.headers.get("x-segel-page-cache")).toBe("hit");
    expect(await anonymous.text()).not.toContain("budi");
    expect(seen).toEqual(["next-auth.session-token=budi", "next-auth.session-token=budi", undefined]);
  });

  it("lets no client claim a shared page, and keeps the language of one", async () => {
    const marks: (string | undefined)[] = [];
    const site = await start((req, res) => {
      marks.push(`${req.headers[SHARED_PAGE_HEADER] ?? "-"} ${req.headers.cookie ?? "-"}`);
      tenderPage(req, res);
    });
    await site.get("/dasbor", { [SHARED_PAGE_HEADER]: "1", cookie: "next-auth.session-token=budi" });
    await site.get("/tender/10012026001", { cookie: "next-auth.session-token=budi; locale=en" });
    expect(marks).toEqual(["- next-auth.session-token=budi", "1 locale=en"]);
  });

  it("keeps each language and each Next navigation header apart", async () => {
    const site = await start((req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(`${/locale=(\w+)/.exec(req.headers.cookie ?? "")?.[1] ?? "id"} ${req.headers.rsc ?? "html"}`);
    });
    expect(await (await site.get("/")).text()).toBe("id html");
    expect(await (await site.get("/", { cookie: "locale=en" })).text()).toBe("en html");
    expect(await (await site.get("/", { rsc: "1" })).text()).toBe("id 1");
    expect(await (await site.get("/", { cookie: "locale=en" })).text()).toBe("en html");
    expect(site.renders()).toBe(3);
  });

  it("renders a crowd's simultaneous first requests for one page once", async () => {
    let finish = () => {};
    const rendered = new Promise<void>((resolve) => (finish = resolve));
    const site = await start(async (req, res) => {
      await rendered;
      tenderPage(req, res);
    });
    const crowd = Array.from({ length: 10 }, () => site.get("/tender"));
    await expect.poll(() => site.renders()).toBe(1);
    finish();
    const pages = await Promise.all(crowd.map(async (r) => (await r).text()));
    expect(new Set(pages).size).toBe(1);
    expect(site.renders()).toBe(1);
  });

  it("keeps no answer that sets a cookie, is not a 200 page, or varies on something outside the key", async () => {
    const answers: Record<string, (res: ServerResponse) => void> = {
      "/tender/a": (res) => (
        res.setHeader("content-type", "text/html"),
        res.setHeader("set-cookie", "x=1"),
        res.end("a")
      ),
      "/tender/b": (res) => ((res.statusCode = 404), res.setHeader("content-type", "text/html"), res.end("b")),
      "/tender/c": (res) => (res.setHeader("content-type", "text/html"), res.setHeader("vary", "cookie"), res.end("c")),
      "/tender/d": (res) => (res.setHeader("content-type", "application/json"), res.end("d")),
    };
    const site = await start((req, res) => answers[req.url!]!(res));
    for (const path of Object.keys(answers)) {
      await site.get(path);
      expect((await site.get(path)).headers.get("x-segel-page-cache")).toBeNull();
    }
    expect(site.renders()).toBe(8);
  });

  it("is off at 0 seconds", async () => {
    const site = await start(tenderPage, 0);
    await site.get("/tender");
    await site.get("/tender");
    expect(site.renders()).toBe(2);
  });
});

describe("which requests may share an answer", () => {
  const key = (url: string, headers: Record<string, string> = {}, method = "GET") =>
    publicPageKey({ url, method, headers } as unknown as IncomingMessage);

  it.each([
    "/",
    "/tender",
    "/tender?kata=jalan&halaman=2",
    "/tender/10012026001",
    "/tender/10012026001/pemenang",
    "/non-tender",
    "/non-tender/abc",
    "/transparansi",
    "/status",
    "/data-terbuka",
  ])("%s, anonymous: yes", (url) => expect(key(url)).not.toBeNull());

  it.each([
    "/penyedia/profil",
    "/masuk",
    "/dasbor",
    "/non-tender/baru",
    "/tender/x/penawaran",
    "/api/health",
    "/api/status",
    "/verifikasi-tanda-terima",
  ])("%s: no", (url) => expect(key(url)).toBeNull());

  it("not a POST, a visitor with a session, a cookie it does not know, or an Authorization header", () => {
    expect(key("/tender", {}, "POST")).toBeNull();
    expect(key("/tender", {}, "HEAD")).toBeNull();
    expect(key("/tender", { cookie: "locale=en; next-auth.session-token=abc" })).toBeNull();
    expect(key("/tender", { cookie: "something-new=1" })).toBeNull();
    expect(key("/tender", { authorization: "Bearer x" })).toBeNull();
    expect(key("/tender", { cookie: "locale=en; next-auth.csrf-token=abc" })).not.toBeNull();
  });
});
