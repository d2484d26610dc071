import { expect, test } from "./fixtures";
import { asUser, reloadUntil, sql } from "./helpers";
import { ocidPrefix } from "./open-data-steps";
import { DEMO, listedTenderCodes, recordNonTender } from "./search-steps";

// Issue 14, item 5: the public pages that only show data work without JavaScript (a slow
// phone, a browser with scripts off, a screen reader's simple mode). Every page here is
// read in a browser with JavaScript disabled: the data is in the HTML the server sent, and
// the tender list's search and filters are plain GET forms the browser submits itself.

test("without JavaScript the public pages show their data and the tender list searches and filters", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // a non-tender record for /non-tender and /cari, recorded as a PPK does it (with scripts)
  const recordName = `Pembelian Perahu Karet Darurat ${Date.now()}`;
  await asUser(browser, "ppk.jayapura@segel.test", (page) =>
    recordNonTender(page, { name: recordName, vendorName: "CV Sentani Bahari", value: "185.000.000" }),
  );

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // Home: the latest tenders
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await listedTenderCodes(page)).toContain(DEMO.katulampa.code);

  // The tender list: a keyword typed and submitted with Enter (the browser's own GET) ...
  await page.goto("/tender");
  const all = await listedTenderCodes(page);
  expect(all.length).toBeGreaterThan(5);
  await page.getByLabel("Kata kunci").fill("katulampa");
  await page.getByLabel("Kata kunci").press("Enter");
  await expect(page).toHaveURL(/[?&]q=katulampa/);
  expect(await listedTenderCodes(page)).toEqual([DEMO.katulampa.code]);
  // ... then a filter chosen and the form's button pressed: only that agency's tenders
  await page.goto("/tender");
  await page.getByLabel("K/L/PD").selectOption({ label: "Pemerintah Kabupaten Jayapura" });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/[?&]agency=/);
  const jayapura = await listedTenderCodes(page);
  expect(jayapura).toContain(DEMO.sentaniDoyo.code);
  expect(jayapura).not.toContain(DEMO.katulampa.code);
  expect(jayapura.length).toBeLessThan(all.length);

  // A tender page: its name, HPS and schedule
  await page.goto(`/tender/${DEMO.katulampa.code}`);
  await expect(page.getByRole("heading", { name: DEMO.katulampa.name })).toBeVisible();
  await expect(page.getByText("Rp17.925.400.000").first()).toBeVisible();
  await expect(page.getByText(/WIB\b/).first()).toBeVisible();

  // Non-tender records
  // (shared with every anonymous visitor for a few seconds: docs/decisions/0016)
  await page.goto("/non-tender");
  await reloadUntil(page, () => expect(page.getByText(recordName)).toBeVisible({ timeout: 1000 }));
  await expect(page.getByRole("row").filter({ hasText: recordName })).toContainText("Rp185.000.000");

  // The status page
  await page.goto("/status");
  await expect(page.getByRole("heading", { name: "Status layanan", level: 1 })).toBeVisible();
  await expect(page.getByTestId("status-state")).toBeVisible();

  // The open data page: the ocid prefix, the feed and the bulk file of the demo's year
  await page.goto("/data-terbuka");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(await ocidPrefix()).first()).toBeVisible();
  await expect(page.locator('main a[href*="/api/ocds/feed"]').first()).toBeVisible();
  await expect(page.locator('main a[href*="/api/ocds/bulk"]').filter({ hasText: "2026" }).first()).toBeVisible();

  // Red flags: the definitions and a flagged demo tender in the list
  const [flagged] = await sql<{ code: string }>(
    `SELECT t.code FROM "TenderRedFlag" f JOIN "Tender" t ON t.id = f."tenderId" ORDER BY f."raisedAt" DESC LIMIT 1`,
  );
  expect(flagged, "the demo has a flagged tender").toBeDefined();
  await page.goto("/tanda-bahaya");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await listedTenderCodes(page)).toContain(flagged!.code);

  // The one search box's page: tenders, the non-tender record and the agency
  await page.goto(`/cari?q=${encodeURIComponent("sentani")}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await listedTenderCodes(page)).toContain(DEMO.sentaniDoyo.code);
  await page.goto(`/cari?q=${encodeURIComponent("jayapura")}`);
  await expect(page.getByRole("region", { name: "Instansi" })).toContainText("Pemerintah Kabupaten Jayapura");
  await page.goto(`/cari?q=${encodeURIComponent("perahu karet")}`);
  await expect(page.getByRole("region", { name: "Pencatatan non-tender" })).toContainText(recordName);

  await context.close();
});
