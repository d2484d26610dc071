import { gunzipSync } from "node:zlib";
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ocdsChecks, validateRecordPackage, validateRelease, validateReleasePackage } from "../setup/ocds-validator";
import { PAKETS } from "../../prisma/seed/demo-procurement";
import { sql } from "./helpers";

// Steps of the open data journey: fetch a published OCDS document, validate it with the
// tests' one validator (tests/setup/ocds-validator.ts) and OCDS's own checks, and search it
// for anything sealed or private.

type Json = Record<string, unknown>;

/** The instance's ocid prefix (the LPSE profile's setting; the demo seeds it). */
export async function ocidPrefix(): Promise<string> {
  const [row] = await sql<{ prefix: string | null }>(`SELECT "ocidPrefix" AS prefix FROM "LpseInstance" LIMIT 1`);
  expect(row?.prefix, "the instance has an ocid prefix").toMatch(/^ocds-[a-z0-9]{6}$/);
  return row!.prefix!;
}

/** GETs a JSON answer of the open data API: 200, JSON with a charset, parsed. */
export async function getJson(request: APIRequestContext, url: string): Promise<{ body: Json; response: APIResponse }> {
  const response = await request.get(url);
  expect(response.status(), `GET ${url}: ${(await response.text()).slice(0, 300)}`).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json; charset=utf-8/i);
  return { body: (await response.json()) as Json, response };
}

/** Zero schema errors and zero OCDS check errors; says which document failed. */
export function expectValidReleasePackage(pkg: Json, prefix: string, where: string) {
  expect(validateReleasePackage(pkg), `${where}: release package schema`).toEqual([]);
  expect(ocdsChecks(pkg, prefix), `${where}: OCDS checks`).toEqual([]);
}

export function expectValidRecordPackage(pkg: Json, prefix: string, where: string) {
  expect(validateRecordPackage(pkg), `${where}: record package schema`).toEqual([]);
  expect(ocdsChecks(pkg, prefix), `${where}: OCDS checks`).toEqual([]);
}

/**
 * The feed page's next page as a path on this server: `links.next` in the package, else a
 * `next` field, else the Link header (the address may be absolute on the public URL).
 */
export function nextOf(body: Json, response: APIResponse): string | null {
  const links = body.links as Json | undefined;
  const header = response.headers()["link"];
  const link =
    ((links?.next ?? body.next) as string | undefined) ??
    (header ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(header)?.[1] : undefined);
  if (!link) return null;
  const url = new URL(link, "http://localhost");
  return url.pathname + url.search;
}

/** The lines of a gzipped JSON Lines file, each parsed and validated as a (compiled) release. */
export function bulkReleases(gzipped: Buffer, prefix: string): Json[] {
  const lines = gunzipSync(gzipped).toString("utf8").split("\n").filter(Boolean);
  const releases = lines.map((line, i) => {
    let release: Json;
    try {
      release = JSON.parse(line) as Json;
    } catch (error) {
      throw new Error(`bulk line ${i + 1} is not JSON: ${String(error)}\n${line.slice(0, 200)}`);
    }
    expect(validateRelease(release), `bulk line ${i + 1} (${String(release.ocid)})`).toEqual([]);
    return release;
  });
  expect(ocdsChecks(releases, prefix), "bulk file: OCDS checks").toEqual([]);
  return releases;
}

/**
 * What must not be in a tender's open data before its opening: its sealed bids' prices,
 * its bidders (as tenderers, as parties, by name), bid statistics, and — at any time — the
 * HPS breakdown's lines and the bidders' e-mail and phone.
 */
export async function sealedOf(tenderCode: string) {
  // the database holds the prices sealed: the demo's own list says what was offered
  const offered = PAKETS.find((p) => p.tender?.code === tenderCode)?.tender?.bids ?? [];
  const prices = offered.filter((b) => !b.registeredOnly).map((b) => b.price.toString());
  const bids = await sql<{ vendor: string; email: string; phone: string | null }>(
    `SELECT v.name AS vendor, v.email, v.phone FROM "Bid" b
     JOIN "Vendor" v ON v.id = b."vendorId" JOIN "Tender" t ON t.id = b."tenderId" WHERE t.code = $1`,
    [tenderCode],
  );
  const hpsLines = await sql<{ description: string; unitPrice: string }>(
    `SELECT h.description, h."unitPrice"::text AS "unitPrice" FROM "HpsItem" h
     JOIN "Tender" t ON t."paketId" = h."paketId" WHERE t.code = $1`,
    [tenderCode],
  );
  return { prices, bids, hpsLines };
}

/** Nothing of `sealed` anywhere in `doc`, and no tenderers or bids in any release of it. */
export function expectNothingSealed(doc: unknown, sealed: Awaited<ReturnType<typeof sealedOf>>, where: string) {
  const text = JSON.stringify(doc);
  for (const price of sealed.prices) expect(text, `${where}: a sealed bid price`).not.toContain(price);
  for (const bid of sealed.bids) {
    expect(text, `${where}: a bidder's name before the opening`).not.toContain(bid.vendor);
    expect(text, `${where}: a bidder's e-mail`).not.toContain(bid.email);
    if (bid.phone) expect(text, `${where}: a bidder's phone`).not.toContain(bid.phone);
  }
  for (const line of sealed.hpsLines)
    expect(text, `${where}: an HPS breakdown line`).not.toContain(JSON.stringify(line.description));
  for (const release of releasesIn(doc)) {
    const tender = (release.tender ?? {}) as Json;
    expect(tender.tenderers, `${where}: tenderers before the opening`).toBeUndefined();
    expect(tender.numberOfTenderers, `${where}: numberOfTenderers before the opening`).toBeUndefined();
    expect(release.bids, `${where}: bid statistics before the opening`).toBeUndefined();
    expect(release.awards, `${where}: awards before the announcement`).toBeUndefined();
    const roles = ((release.parties ?? []) as Json[]).flatMap((p) => (p.roles ?? []) as string[]);
    expect(roles, `${where}: a tenderer party before the opening`).not.toContain("tenderer");
  }
}

/** Every release in a release package, a record package (releases and compiled) or a list. */
function releasesIn(doc: unknown): Json[] {
  if (Array.isArray(doc)) return doc as Json[];
  const body = doc as Json;
  if (Array.isArray(body.records))
    return (body.records as Json[]).flatMap((r) => [
      ...((r.releases ?? []) as Json[]),
      ...(r.compiledRelease ? [r.compiledRelease as Json] : []),
    ]);
  if (Array.isArray(body.releases)) return body.releases as Json[];
  return [body];
}
