import type { APIRequestContext } from "@playwright/test";
import { gunzipSync } from "node:zlib";
import { compileRelease, type JsonObject } from "../../src/modules/open-data/domain/merge";
import { ocdsChecks, validateRecordPackage, validateReleasePackage } from "../setup/ocds-validator";
import { until } from "../setup/until";
import { expect, test } from "./fixtures";
import { sql } from "./helpers";

// Everything the demo publishes as open data, read as a re-user would (issue 14, item 1;
// docs/decisions/0041): the change feed walked from its start to its end, every ocid's
// release package and record package, and the bulk file of every year. Each document
// validates against OCDS 1.1.5 with zero errors, and OCDS's own checks hold: the instance's
// prefix on every ocid, release ids unique per ocid, positions 1, 2, 3 ... per ocid, and
// each record's compiled release equal to the merge of its releases. The counts are printed.

type Pkg = JsonObject & { releases: JsonObject[] };
type RecordPkg = JsonObject & { records: (JsonObject & { releases: JsonObject[]; compiledRelease: JsonObject })[] };

async function getJson<T>(request: APIRequestContext, url: string): Promise<{ body: T }> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"], url).toMatch(/^application\/json/);
  return { body: (await response.json()) as T };
}

/** The path and query of a link the feed gives (absolute on the instance's public address). */
const local = (link: string) => {
  const url = new URL(link, "http://x.invalid");
  return url.pathname + url.search;
};

const positionOf = (release: JsonObject, ocid: string) => Number(String(release.id).slice(ocid.length + 1));

test("the demo's open data validates: feed, releases, records and bulk files, zero errors", async ({ request }) => {
  test.setTimeout(600_000);
  const [instance] = await sql<{ prefix: string }>(
    `SELECT "ocidPrefix" AS prefix FROM "LpseInstance" ORDER BY "createdAt" LIMIT 1`,
  );
  const prefix = instance!.prefix;
  // what was published (and committed) before the walk starts: the walk must see all of it
  const before = await sql<{ releaseId: string }>(`SELECT "releaseId" FROM "OcdsRelease"`);
  expect(before.length, "the demo publishes releases").toBeGreaterThan(0);
  const errors: string[] = [];
  const note = (where: string, list: string[]) => errors.push(...list.map((e) => `${where}: ${e}`));

  // 1. the change feed, from the start to its head
  const seen = new Map<string, JsonObject>();
  let url = "/api/ocds/feed?limit=50";
  let pages = 0;
  /** Reads on from `url` to the head of the feed; the Link header always says where to read next. */
  const walk = async () => {
    for (;;) {
      const response = await request.get(url);
      url = local(/^<([^>]+)>; rel="next"$/.exec(response.headers()["link"] ?? "")![1]!);
      // 204: nothing after this cursor yet (the head of the feed)
      if (response.status() === 204) return;
      expect(response.status(), url).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^application\/json/);
      const body = (await response.json()) as Pkg & { links?: { next?: string } };
      pages++;
      note(`feed page ${pages}`, validateReleasePackage(body));
      note(`feed page ${pages}`, ocdsChecks(body, prefix));
      for (const release of body.releases) {
        expect(seen.has(String(release.id)), `feed repeats ${String(release.id)}`).toBe(false);
        seen.set(String(release.id), release);
      }
      // links.next while more can be read at once; its absence is the head of the feed
      if (!body.links?.next) return;
      expect(pages, "the feed ends").toBeLessThan(10_000);
    }
  };
  const skipped = () => before.filter((r) => !seen.has(r.releaseId)).map((r) => r.releaseId);
  // a transaction of the running portal (its worker) may hold the watermark a moment: read on until
  // every release committed before the walk has come, or fail naming them
  await until("every committed release in the feed", async () => {
    await walk();
    return skipped().length === 0;
  }).catch(() => undefined);
  expect(skipped(), "releases the feed skipped").toEqual([]);

  // 2. every ocid: its release package and its record package
  const ocids = [...new Set([...seen.values()].map((r) => String(r.ocid)))].sort();
  let releaseCount = 0;
  const compiledByOcid = new Map<string, JsonObject>();
  for (const ocid of ocids) {
    expect(ocid.startsWith(`${prefix}-`), ocid).toBe(true);
    const releases = (await getJson<Pkg>(request, `/api/ocds/releases/${encodeURIComponent(ocid)}`)).body;
    note(ocid, validateReleasePackage(releases));
    note(ocid, ocdsChecks(releases, prefix));
    const positions = releases.releases.map((r) => positionOf(r, ocid));
    expect(positions, `${ocid}: positions 1..n in order`).toEqual(positions.map((_, i) => i + 1));
    expect(new Set(releases.releases.map((r) => r.id)).size).toBe(releases.releases.length);
    for (const r of releases.releases) expect(r, `${String(r.id)} as in the feed`).toEqual(seen.get(String(r.id)));
    releaseCount += releases.releases.length;

    const records = (await getJson<RecordPkg>(request, `/api/ocds/records/${encodeURIComponent(ocid)}`)).body;
    note(`record ${ocid}`, validateRecordPackage(records));
    note(`record ${ocid}`, ocdsChecks(records, prefix));
    expect(records.records).toHaveLength(1);
    const [record] = records.records;
    expect(record!.ocid).toBe(ocid);
    expect(record!.releases).toEqual(releases.releases);
    expect(record!.compiledRelease, `${ocid}: compiled = merge of its releases`).toEqual(
      compileRelease(record!.releases, String(record!.compiledRelease.id)),
    );
    compiledByOcid.set(ocid, record!.compiledRelease);
  }
  expect(releaseCount, "every release of every ocid is in the feed and back").toBe(seen.size);

  // 3. the bulk file of every year: one compiled release per ocid of that year, as in its record
  const years = await sql<{ year: number; ocids: number }>(
    `SELECT "fiscalYear" AS year, count(DISTINCT ocid)::int AS ocids FROM "OcdsRelease" GROUP BY 1 ORDER BY 1`,
  );
  let lines = 0;
  for (const { year, ocids: expected } of years) {
    const response = await request.get(`/api/ocds/bulk/${year}.jsonl.gz`);
    expect(response.status(), `bulk ${year}`).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/gzip/);
    expect(response.headers()["content-disposition"]).toMatch(/attachment/);
    const text = gunzipSync(await response.body()).toString("utf8");
    const compiled = text
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as JsonObject);
    expect(compiled.length, `bulk ${year}: one line per ocid`).toBeGreaterThanOrEqual(expected);
    expect(new Set(compiled.map((c) => c.ocid)).size, `bulk ${year}: no ocid twice`).toBe(compiled.length);
    // each line is a compiled release: wrapped in a package it validates like any release
    const pkg = {
      uri: `urn:bulk:${year}`,
      version: "1.1",
      publishedDate: new Date().toISOString(),
      publisher: { name: "check" },
      releases: compiled,
    };
    note(`bulk ${year}`, validateReleasePackage(pkg));
    note(`bulk ${year}`, ocdsChecks(compiled, prefix));
    for (const c of compiled) {
      expect(c.tag, `bulk ${year} ${String(c.ocid)}`).toEqual(["compiled"]);
      // the same as the record's compiled release (unless the process changed during the walk)
      const fromRecord = compiledByOcid.get(String(c.ocid));
      if (fromRecord && fromRecord.date === c.date) expect(c, `bulk ${year} ${String(c.ocid)}`).toEqual(fromRecord);
    }
    lines += compiled.length;
  }

  console.log(
    `open data validation (prefix ${prefix}): ${pages} feed pages, ${seen.size} releases, ${ocids.length} ocids ` +
      `(release and record package each), ${years.length} bulk files with ${lines} compiled releases: ${errors.length} errors`,
  );
  expect(errors).toEqual([]);
});
