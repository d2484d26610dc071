import pg from "pg";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as feedRoute } from "@/app/api/ocds/feed/route";
import { db } from "@/server/db";
import { requestScope } from "@/tests/setup/next-request-scope";
import { ocdsChecks, validateReleasePackage } from "@/tests/setup/ocds-validator";
import { decodeFeedCursor, encodeFeedCursor } from "../domain/feed-cursor";
import { readFeed } from "./feed";
import { insertRelease, makeOcdsProcess, untilFeedServes, type TestProcess } from "./feed.fixtures";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request-scope")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/tests/setup/next-request-scope")).nextIntlServer);

const BASE = "http://portal.test";
type Pkg = { releases: { id: string }[]; links?: { next?: string } };

async function getFeed(query: string): Promise<Response> {
  return feedRoute(new Request(`${BASE}/api/ocds/feed${query}`));
}

/** Follows the feed from its start, as a re-user's script would: links.next while it is there. */
async function walkFeed(limit: number, prefix: string): Promise<{ ids: string[]; pages: number; errors: string[] }> {
  const ids: string[] = [];
  const errors: string[] = [];
  let url: string | null = `?limit=${limit}`;
  let pages = 0;
  while (url !== null) {
    const response = await getFeed(url);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Pkg;
    errors.push(...validateReleasePackage(body), ...ocdsChecks(body, prefix));
    ids.push(...body.releases.map((r) => r.id));
    pages++;
    url = body.links?.next ? new URL(body.links.next).search : null;
  }
  return { ids, pages, errors };
}

beforeEach(() => {
  requestScope.headers = new Headers();
  requestScope.locale = "id";
  delete process.env.NEXTAUTH_URL;
});

describe("the change feed", () => {
  let a: TestProcess;
  let b: TestProcess;
  beforeEach(async () => {
    a = await makeOcdsProcess();
    b = await makeOcdsProcess();
  });

  it("chains its pages with no gap and no repeat, every page a valid release package", async () => {
    const written: string[] = [];
    for (let position = 1; position <= 4; position++) {
      written.push(String((await insertRelease(a, position)).id));
      written.push(String((await insertRelease(b, position)).id));
    }
    await untilFeedServes(written);
    const walk = await walkFeed(3, a.prefix);
    expect(walk.errors).toEqual([]);
    expect(walk.ids).toEqual(written);
    // 3 + 3 + 2: the short page is the head and gives no links.next
    expect(walk.pages).toBe(3);
    const exact = await walkFeed(4, a.prefix);
    expect(exact.ids).toEqual(written);
    expect(exact.pages).toBe(2);
  });

  it("does not skip a release whose transaction was still open when a later one committed", async () => {
    await insertRelease(a, 1);
    await untilFeedServes([`${a.ocid}-1`]);
    // a second connection opens a transaction and writes a release, then waits
    const slow = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await slow.connect();
    try {
      await slow.query("BEGIN");
      await slow.query(
        `INSERT INTO "OcdsRelease" ("ocid", "releaseId", "position", "tags", "date", "kind", "agencyId", "fiscalYear", "tenderId", "data")
         SELECT "ocid", "ocid" || '-2', 2, "tags", "date" + interval '1 minute', "kind", "agencyId", "fiscalYear", "tenderId",
                jsonb_set(jsonb_set("data", '{id}', to_jsonb("ocid" || '-2')), '{date}', to_jsonb(to_char(("date" + interval '1 minute') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
         FROM "OcdsRelease" WHERE "ocid" = $1 AND "position" = 1`,
        [a.ocid],
      );
      // ... while a later transaction commits its release
      await insertRelease(b, 1);

      const first = await readFeed(null, 100);
      // the committed later release is held back behind the open one, not served past it
      expect(first.releases.map((r) => r.id)).toEqual([`${a.ocid}-1`]);
      expect(first.hasMore).toBe(false);

      await slow.query("COMMIT");
      await untilFeedServes([`${a.ocid}-2`, `${b.ocid}-1`]);
      const second = await readFeed(first.next, 100);
      expect(second.releases.map((r) => r.id)).toEqual([`${a.ocid}-2`, `${b.ocid}-1`]);
      // and the route's cursor resumes at the same place
      const response = await getFeed(`?after=${encodeFeedCursor(first.next!)}`);
      const body = (await response.json()) as Pkg;
      expect(body.releases.map((r) => r.id)).toEqual([`${a.ocid}-2`, `${b.ocid}-1`]);
      expect(validateReleasePackage(body)).toEqual([]);
    } finally {
      await slow.query("ROLLBACK").catch(() => undefined);
      await slow.end();
    }
  });

  it("answers 204 with the Link to read on when nothing is new, and links the next page while there is one", async () => {
    await insertRelease(a, 1);
    await insertRelease(a, 2);
    await untilFeedServes([`${a.ocid}-1`, `${a.ocid}-2`]);
    const full = await getFeed("?limit=1");
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(full.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    const page = (await full.json()) as Pkg & { extensions: string[]; publisher: { name: string; uri: string } };
    expect(page.links?.next).toMatch(/^http:\/\/portal\.test\/api\/ocds\/feed\?after=[A-Za-z0-9_-]+&limit=1$/);
    expect(page.extensions.some((url) => url.includes("pagination"))).toBe(true);
    expect(page.publisher.uri).toBe(BASE);
    expect(full.headers.get("link")).toBe(`<${page.links!.next}>; rel="next"`);

    const head = await getFeed(new URL(page.links!.next!).search);
    const last = (await head.json()) as Pkg;
    expect(last.releases.map((r) => r.id)).toEqual([`${a.ocid}-2`]);
    expect(last.links).toBeUndefined();
    const readOn = /<([^>]+)>; rel="next"/.exec(head.headers.get("link") ?? "")![1]!;

    const empty = await getFeed(new URL(readOn).search);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
    expect(empty.headers.get("link")).toBe(`<${readOn}>; rel="next"`);

    // a release written later is where that link resumes
    await insertRelease(a, 3);
    await untilFeedServes([`${a.ocid}-3`]);
    const resumed = (await (await getFeed(new URL(readOn).search)).json()) as Pkg;
    expect(resumed.releases.map((r) => r.id)).toEqual([`${a.ocid}-3`]);
  });

  it("uses the portal's public address (NEXTAUTH_URL) in its links", async () => {
    process.env.NEXTAUTH_URL = "https://lpse.example.go.id/";
    await insertRelease(a, 1);
    await insertRelease(a, 2);
    await untilFeedServes([`${a.ocid}-1`, `${a.ocid}-2`]);
    const body = (await (await getFeed("?limit=1")).json()) as Pkg & { uri: string; publicationPolicy: string };
    expect(body.uri).toBe("https://lpse.example.go.id/api/ocds/feed?limit=1");
    expect(body.links?.next).toMatch(/^https:\/\/lpse\.example\.go\.id\/api\/ocds\/feed\?after=/);
    expect(body.publicationPolicy).toBe("https://lpse.example.go.id/data-terbuka");
  });

  it.each([
    ["?after=bukan-kursor", "Kursor umpan perubahan tidak valid"],
    [`?after=${Buffer.from("1.2.3").toString("base64url")}`, "Kursor"],
    [`?after=${Buffer.from("-1.2").toString("base64url")}`, "Kursor"],
    [`?after=${Buffer.from("99999999999999999999.1").toString("base64url")}`, "Kursor"],
    ["?limit=0", "antara 1 dan 1000"],
    ["?limit=1001", "antara 1 dan 1000"],
    ["?limit=abc", "antara 1 dan 1000"],
    ["?limit=2.5", "antara 1 dan 1000"],
    ["?limit=-1", "antara 1 dan 1000"],
  ])("refuses %s with 400 and a sentence in Indonesian, writing nothing", async (query, text) => {
    await insertRelease(a, 1);
    const response = await getFeed(query);
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message: expect.stringContaining(text),
    });
    expect(await db.ocdsRelease.count()).toBe(1);
  });

  it("speaks English with ?lang=en or the language cookie", async () => {
    const byQuery = await getFeed("?limit=0&lang=en");
    expect(((await byQuery.json()) as { message: string }).message).toContain("whole number between 1 and 1000");
    requestScope.locale = "en";
    const byCookie = await getFeed("?after=x");
    expect(((await byCookie.json()) as { message: string }).message).toContain("Invalid change feed cursor");
  });

  it("accepts 1 and 1000 as limits, and its own cursors only in their one form", async () => {
    await insertRelease(a, 1);
    await untilFeedServes([`${a.ocid}-1`]);
    expect((await getFeed("?limit=1")).status).toBe(200);
    expect((await getFeed("?limit=1000")).status).toBe(200);
    const cursor = { xid: 12n, seq: 3n };
    expect(decodeFeedCursor(encodeFeedCursor(cursor))).toEqual(cursor);
    expect(decodeFeedCursor(Buffer.from("012.3").toString("base64url"))).toBeNull();
  });
});
