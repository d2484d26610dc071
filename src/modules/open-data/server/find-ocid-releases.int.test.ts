import { gunzipSync } from "node:zlib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as bulkRoute } from "@/app/api/ocds/bulk/[file]/route";
import { GET as recordsRoute } from "@/app/api/ocds/records/[ocid]/route";
import { GET as releasesRoute } from "@/app/api/ocds/releases/[ocid]/route";
import { db } from "@/server/db";
import { requestScope } from "@/tests/setup/next-request-scope";
import { ocdsChecks, validateRecordPackage, validateReleasePackage } from "@/tests/setup/ocds-validator";
import type { JsonObject } from "../domain/merge";
import { compiledReleasesOfYear } from "./bulk-year";
import { insertRelease, makeOcdsProcess, type TestProcess } from "./feed.fixtures";
import { findReleaseYears, findExampleOcid } from "./find-ocds-publisher";
import { findTenderOcid } from "./find-ocid-releases";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request-scope")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/tests/setup/next-request-scope")).nextIntlServer);

const BASE = "http://portal.test";
const call = <P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  path: string,
  param: P,
) => handler(new Request(`${BASE}${path}`), { params: Promise.resolve(param) });
const releases = (ocid: string, query = "") =>
  call(releasesRoute, `/api/ocds/releases/${encodeURIComponent(ocid)}${query}`, { ocid });
const records = (ocid: string) => call(recordsRoute, `/api/ocds/records/${encodeURIComponent(ocid)}`, { ocid });
const bulk = (file: string) => call(bulkRoute, `/api/ocds/bulk/${file}`, { file });

beforeEach(() => {
  requestScope.headers = new Headers();
  requestScope.locale = "id";
  delete process.env.NEXTAUTH_URL;
});

describe("the release and record package of an ocid", () => {
  let a: TestProcess;
  beforeEach(async () => {
    a = await makeOcdsProcess();
  });

  it("serves every release oldest first and the record with its compiled release, all valid", async () => {
    await insertRelease(a, 1);
    await insertRelease(a, 2, {
      body: {
        tag: ["tenderCancellation"],
        tender: { id: a.ocid.slice(12), status: "cancelled", description: "Batal" },
      },
    });
    const response = await releases(a.ocid);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const pkg = (await response.json()) as { releases: JsonObject[]; uri: string; publisher: JsonObject };
    expect(pkg.releases.map((r) => r.id)).toEqual([`${a.ocid}-1`, `${a.ocid}-2`]);
    expect(pkg.uri).toBe(`${BASE}/api/ocds/releases/${a.ocid}`);
    expect(pkg.publisher.name).toMatch(/^LPSE Uji/);
    expect(validateReleasePackage(pkg)).toEqual([]);
    expect(ocdsChecks(pkg, a.prefix)).toEqual([]);

    const record = (await (await records(a.ocid)).json()) as { records: JsonObject[] };
    expect(validateRecordPackage(record)).toEqual([]);
    expect(ocdsChecks(record, a.prefix)).toEqual([]);
    expect(record.records).toHaveLength(1);
    expect(record.records[0]).toMatchObject({
      ocid: a.ocid,
      releases: pkg.releases,
      compiledRelease: {
        id: `${a.ocid}-2-compiled`,
        tag: ["compiled"],
        date: pkg.releases[1]!.date,
        // the cancellation's fields over the publication's: title kept, status replaced
        tender: { title: "Pengadaan uji 1", status: "cancelled", description: "Batal", value: { amount: 480_000_000 } },
      },
    });
    expect(await findTenderOcid(a.tenderId)).toBe(a.ocid);
  });

  it("answers 404 in Indonesian for an ocid never published, and 400 for what is no ocid", async () => {
    const unknown = `${a.prefix}-2026-99999`;
    for (const response of [await releases(unknown), await records(unknown)]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining(unknown) });
    }
    for (const bad of [
      "bukan-ocid",
      "ocds-ABC123-1",
      "ocds-abc12-1",
      `${a.prefix}-`,
      `${a.prefix}-x y`,
      `${a.prefix}-../x`,
      "%E0%A4%A",
    ]) {
      const [r1, r2] = [await releases(bad), await records(bad)];
      expect([r1.status, r2.status], bad).toEqual([400, 400]);
      expect(((await r1.json()) as { message: string }).message).toContain("Ocid tidak valid");
    }
    const english = await releases("x", "?lang=en");
    expect(((await english.json()) as { message: string }).message).toContain("Invalid ocid");
    expect(await findTenderOcid(a.tenderId)).toBeNull();
    expect(await db.ocdsRelease.count()).toBe(0);
  });
});

describe("the bulk file of a fiscal year", () => {
  it("streams one compiled release per ocid of the year as gzipped JSON Lines, and nothing of other years", async () => {
    const [a, b, c] = [await makeOcdsProcess(), await makeOcdsProcess(), await makeOcdsProcess()];
    for (const position of [1, 2, 3]) await insertRelease(a, position);
    await insertRelease(b, 1);
    await insertRelease(c, 1, { fiscalYear: 2025 });

    const response = await bulk("2026.jsonl.gz");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/gzip");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ocds-2026.jsonl.gz"');
    const text = gunzipSync(Buffer.from(await response.arrayBuffer())).toString("utf8");
    expect(text.endsWith("\n")).toBe(true);
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as JsonObject);
    expect(lines.map((l) => l.ocid)).toEqual([a.ocid, b.ocid].sort());
    for (const line of lines) expect(line.tag).toEqual(["compiled"]);
    const pkg = {
      uri: "urn:test",
      version: "1.1",
      publishedDate: "2026-01-01T00:00:00Z",
      publisher: { name: "t" },
      releases: lines,
    };
    expect(validateReleasePackage(pkg)).toEqual([]);
    expect(ocdsChecks(lines, a.prefix)).toEqual([]);
    // the plain year names the same file
    expect((await bulk("2026")).status).toBe(200);
    expect(await findReleaseYears()).toEqual([2026, 2025]);
    expect([a.ocid, b.ocid, c.ocid]).toContain(await findExampleOcid());
  });

  it("holds an ocid whose releases straddle a page until its last release is read", async () => {
    const [a, b] = [await makeOcdsProcess(), await makeOcdsProcess()];
    for (const position of [1, 2, 3]) {
      await insertRelease(a, position, { body: { tender: { id: "x", title: `a${position}`, status: "active" } } });
      await insertRelease(b, position, { body: { tender: { id: "x", title: `b${position}`, status: "active" } } });
    }
    const lines: JsonObject[] = [];
    // pages of two rows: every ocid's three releases cross a page boundary
    for await (const line of compiledReleasesOfYear(2026, 2)) lines.push(JSON.parse(line) as JsonObject);
    const expected = [a, b].sort((x, y) => (x.ocid < y.ocid ? -1 : 1));
    expect(lines.map((l) => [l.ocid, l.id, (l.tender as JsonObject).title])).toEqual(
      expected.map((p) => [p.ocid, `${p.ocid}-3-compiled`, `${p === a ? "a" : "b"}3`]),
    );
  });

  it("refuses a file name that is no year with 400, and a year with no release with 404", async () => {
    for (const file of ["20x6", "1999", "2101", "2026.json", "26", "2026.jsonl.gz.exe"]) {
      const response = await bulk(file);
      expect(response.status, file).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain("Tahun anggaran tidak valid");
    }
    const none = await bulk("2030.jsonl.gz");
    expect(none.status).toBe(404);
    expect(((await none.json()) as { message: string }).message).toContain("2030");
    expect(await findReleaseYears()).toEqual([]);
    expect(await findExampleOcid()).toBeNull();
  });
});
