import { readFileSync } from "node:fs";
import type OpenDataMessages from "../../src/i18n/messages/id/openData.json";
import { readFile } from "node:fs/promises";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { sql } from "./helpers";
import {
  bulkReleases,
  expectNothingSealed,
  expectValidRecordPackage,
  expectValidReleasePackage,
  getJson,
  nextOf,
  ocidPrefix,
  sealedOf,
} from "./open-data-steps";
import { DEMO } from "./search-steps";

// the page's own wording, read from its message file (Playwright's loader takes no JSON import)
const openData = JSON.parse(
  readFileSync(new URL("../../src/i18n/messages/id/openData.json", import.meta.url), "utf8"),
) as typeof OpenDataMessages;

// Issue 14, item 1, as a re-user finds it: the header's "Data terbuka" link, then from that
// page the change feed (its pages followed by `next`), the bulk file of a year, and from a
// tender's own page its OCDS record. Every document validates against OCDS 1.1.5 with zero
// errors (tests/setup/ocds-validator.ts) and OCDS's own checks, and a tender whose bids are
// still sealed shows no bidder and no price anywhere.

type Json = Record<string, unknown>;
const SEALED = DEMO.pompa.code; // seeded: upload stage, two sealed bids, not opened
const OPENED = DEMO.kemtuk.code; // seeded: opened, two bids

test("from the home page's Data terbuka link: the feed, a year's bulk file and a tender's record, valid and sealed", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const prefix = await ocidPrefix();
  const sealed = await sealedOf(SEALED);
  expect(sealed.prices.length, "the demo's sealed tender has bids").toBeGreaterThan(0);
  const sealedOcid = `${prefix}-${SEALED}`;

  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Data terbuka" }).click();
  await expect(page).toHaveURL(/\/data-terbuka$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("ocid-prefix")).toContainText(`${prefix}-`);
  // it says what is deliberately not published (sealed bids, the HPS breakdown, contacts)
  const notPublished = page.getByRole("region", { name: openData.page.notPublishedTitle });
  await expect(notPublished.getByRole("listitem")).toHaveCount(4);

  // The change feed: the page's link, in pages of 3, `next` followed twice. Together the
  // three pages are the first nine releases in the feed's order, none repeated.
  const feedHref = await page.locator('main a[href*="/api/ocds/feed"]').first().getAttribute("href");
  expect(feedHref).toBeTruthy();
  const start = new URL(feedHref!, "http://localhost");
  start.searchParams.set("limit", "3");
  let url: string | null = start.pathname + start.search;
  const walked: Json[] = [];
  for (let n = 1; n <= 3; n++) {
    const { body, response } = await getJson(request, url!);
    expectValidReleasePackage(body, prefix, `feed page ${n}`);
    const releases = body.releases as Json[];
    expect(releases, `feed page ${n} is full`).toHaveLength(3);
    walked.push(...releases);
    url = nextOf(body, response);
    expect(url, `feed page ${n} links the next`).toBeTruthy();
  }
  const ids = walked.map((r) => String(r.id));
  expect(new Set(ids).size, "no release twice").toBe(9);
  const firstNine = await sql<{ releaseId: string }>(`SELECT "releaseId" FROM "OcdsRelease" ORDER BY xid, seq LIMIT 9`);
  expect(ids, "the feed's first pages are the first releases, no gap").toEqual(firstNine.map((r) => r.releaseId));
  expectNothingSealed(
    walked.filter((r) => r.ocid === sealedOcid),
    sealed,
    "feed",
  );

  // The bulk file of 2026: downloaded from the page, gunzipped, one valid compiled release
  // per ocid of the year on each line.
  const bulkLink = page.locator('main a[href*="/api/ocds/bulk"]').filter({ hasText: "2026" }).first();
  const downloading = page.waitForEvent("download");
  await bulkLink.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/2026.*\.gz$/);
  const lines = bulkReleases(await readFile((await download.path())!), prefix);
  const [year] = await sql<{ ocids: number }>(
    `SELECT count(DISTINCT ocid)::int AS ocids FROM "OcdsRelease" WHERE "fiscalYear" = 2026`,
  );
  expect(lines.map((r) => r.ocid).sort(), "one line per ocid of the year").toEqual(
    [...new Set(lines.map((r) => r.ocid))].sort(),
  );
  expect(lines).toHaveLength(year!.ocids);
  for (const line of lines) expect(line.tag, `${String(line.ocid)} is compiled`).toEqual(["compiled"]);
  const sealedLine = lines.find((r) => r.ocid === sealedOcid);
  expect(sealedLine, "the sealed tender is in the year's file").toBeDefined();
  expectNothingSealed(sealedLine, sealed, "bulk");
  console.log(`open data: ${lines.length} ocids in the 2026 bulk file (${download.suggestedFilename()})`);

  // A tender's own page links its OCDS record: valid, and nothing sealed before the opening.
  const record = await recordFromTenderPage(page, request, SEALED);
  expectValidRecordPackage(record, prefix, `record of ${SEALED}`);
  const [entry] = record.records as Json[];
  expect(entry!.ocid).toBe(sealedOcid);
  expect((entry!.compiledRelease as Json).tag).toEqual(["compiled"]);
  expectNothingSealed(record, sealed, `record of ${SEALED}`);

  // ... while an opened tender's record counts its bids: the check above could fail.
  const opened = await recordFromTenderPage(page, request, OPENED);
  expectValidRecordPackage(opened, prefix, `record of ${OPENED}`);
  const compiled = ((opened.records as Json[])[0]!.compiledRelease ?? {}) as Json;
  expect((compiled.tender as Json).numberOfTenderers, "bids counted after the opening").toBe(2);
  expect(JSON.stringify(compiled.bids), "bid statistics after the opening").toContain('"measure":"bids"');
});

/** Opens the public tender page, follows its "Data OCDS" link's address, and returns the record package. */
async function recordFromTenderPage(page: Page, request: APIRequestContext, code: string): Promise<Json> {
  await page.goto(`/tender/${code}`);
  const link = page.getByRole("link", { name: "Data OCDS" });
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href, "the tender page links its record").toMatch(/\/api\/ocds\/records\//);
  return (await getJson(request, href!)).body;
}
