import { expect, test } from "./fixtures";
import { asUser, sql } from "./helpers";
import { DEMO, listedTenderCodes, recordNonTender } from "./search-steps";

// Issue 14, item 2, as people search: the header's one box, the tender list's keyword as
// it is typed (lower case, accents, a typo, part of a word, a code), the filters narrowing
// the list, the one box's page over tenders, non-tender records and agencies, and a value
// range that cannot be (a clear message, never a 500). On the demo's tenders
// (prisma/seed/demo-procurement.ts).

test("the header's box and the tender list find a tender as people type it, and by its codes", async ({ page }) => {
  test.setTimeout(120_000);
  // The header's search box, on any page: it opens the one box's page (/cari).
  await page.goto("/");
  const box = page.getByRole("banner").getByRole("searchbox");
  await box.fill("jembatan cisadane");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/cari\?q=jembatan\+cisadane|\/cari\?q=jembatan%20cisadane/);
  expect(await listedTenderCodes(page)).toContain(DEMO.cisadane.code);

  const found = async (q: string) => {
    await page.goto(`/tender?q=${encodeURIComponent(q)}`);
    return listedTenderCodes(page);
  };
  // lower case, as typed on a phone
  expect((await found("rehabilitasi bendung katulampa"))[0]).toBe(DEMO.katulampa.code);
  // capitals and an accent the name does not have are ignored
  expect((await found("PENGADAAN OBAT"))[0]).toBe(DEMO.obat.code);
  expect((await found("Bendúng Katulâmpa"))[0]).toBe(DEMO.katulampa.code);
  // a typo: "pembanguan" for "pembangunan"
  expect((await found("pembanguan jembatan"))[0]).toBe(DEMO.cisadane.code);
  // part of a word
  expect(await found("katulam")).toEqual([DEMO.katulampa.code]);
  expect(await found("ambul")).toEqual([DEMO.ambulans.code]);
  // the tender code and the RUP code, exactly: that tender first
  expect((await found(DEMO.sentaniDoyo.code))[0]).toBe(DEMO.sentaniDoyo.code);
  expect((await found(DEMO.sentaniDoyo.rup))[0]).toBe(DEMO.sentaniDoyo.code);
  expect((await found(DEMO.katulampa.rup))[0]).toBe(DEMO.katulampa.code);
  // and a word nowhere finds nothing, said so
  expect(await found("zzqxv")).toEqual([]);
  await expect(page.getByText("Tidak ada tender yang cocok")).toBeVisible();
});

test("the tender list's filters each narrow the list: agency, category, method, stage, value, location, year", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/tender");
  const all = await listedTenderCodes(page);
  expect(all.length).toBeGreaterThan(6);

  /** Fills the form with `fill` (from the unfiltered list), applies it, and returns the codes. */
  const filtered = async (fill: () => Promise<void>) => {
    await page.goto("/tender");
    await fill();
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.waitForURL(/\/tender\?/);
    return listedTenderCodes(page);
  };
  const narrowed = (codes: string[], has: string[], hasNot: string[]) => {
    for (const code of has) expect(codes, `listed: ${code}`).toContain(code);
    for (const code of hasNot) expect(codes, `not listed: ${code}`).not.toContain(code);
    expect(codes.length).toBeLessThan(all.length);
  };

  const agency = await filtered(() =>
    page
      .getByLabel("K/L/PD")
      .selectOption({ label: "Pemerintah Provinsi Sulawesi Selatan" })
      .then(() => {}),
  );
  narrowed(agency, [DEMO.ambulans.code, DEMO.obat.code], [DEMO.katulampa.code, DEMO.sentaniDoyo.code]);

  const category = await filtered(() =>
    page
      .getByLabel("Jenis pengadaan")
      .selectOption("BARANG")
      .then(() => {}),
  );
  narrowed(category, [DEMO.ambulans.code, DEMO.pompa.code], [DEMO.katulampa.code, DEMO.supervisi.code]);

  const method = await filtered(() =>
    page
      .getByLabel("Metode")
      .selectOption("SELEKSI")
      .then(() => {}),
  );
  narrowed(method, [DEMO.supervisi.code], [DEMO.katulampa.code, DEMO.pompa.code]);

  // the stage running now, by the database clock: every tender listed is in it
  const stage = await filtered(() =>
    page
      .getByLabel("Tahap")
      .selectOption("UPLOAD_PENAWARAN")
      .then(() => {}),
  );
  const inUpload = await sql<{ code: string }>(
    `SELECT t.code FROM "Tender" t JOIN "TenderStage" s ON s."tenderId" = t.id
     WHERE s.kind = 'UPLOAD_PENAWARAN' AND s."startsAt" <= segel_now() AND s."endsAt" > segel_now()
       AND t.status = 'PUBLISHED'`,
  );
  expect(stage.length).toBeGreaterThan(0);
  for (const code of stage)
    expect(
      inUpload.map((r) => r.code),
      `${code} is in the upload stage`,
    ).toContain(code);
  narrowed(stage, [DEMO.pompa.code], [DEMO.kemtuk.code]);

  // HPS from 1 to 3 billion rupiah, typed as people write them
  const value = await filtered(async () => {
    await page.getByLabel("HPS paling kecil (Rp)").fill("1.000.000.000");
    await page.getByLabel("HPS paling besar (Rp)").fill("Rp 3.000.000.000");
  });
  narrowed(value, [DEMO.supervisi.code, DEMO.pompa.code], [DEMO.katulampa.code, DEMO.obat.code]);

  // part of the paket's location, any case
  const location = await filtered(() => page.getByLabel("Lokasi pekerjaan").fill("makassar"));
  narrowed(location, [DEMO.obat.code], [DEMO.katulampa.code, DEMO.ambulans.code]);

  // two at once: the agency's construction tenders only
  const both = await filtered(async () => {
    await page.getByLabel("K/L/PD").selectOption({ label: "Pemerintah Kabupaten Jayapura" });
    await page.getByLabel("Jenis pengadaan").selectOption("PEKERJAAN_KONSTRUKSI");
  });
  narrowed(both, [DEMO.sentaniDoyo.code, DEMO.kemtuk.code], [DEMO.katulampa.code, DEMO.ambulans.code]);

  // the fiscal year: the demo's is 2026; a year with no tender lists none
  const year = await filtered(() =>
    page
      .getByLabel("Tahun anggaran")
      .selectOption("2026")
      .then(() => {}),
  );
  expect(year).toContain(DEMO.katulampa.code);
  await page.goto("/tender?year=2031");
  expect(await listedTenderCodes(page)).toEqual([]);
});

test("a value range that cannot be is refused with a clear message, never a 500", async ({ page }) => {
  // minimum above maximum, through the form: the range is named and not applied
  await page.goto("/tender");
  const all = await listedTenderCodes(page);
  await page.getByLabel("HPS paling kecil (Rp)").fill("5.000.000.000");
  await page.getByLabel("HPS paling besar (Rp)").fill("1.000.000.000");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await page.waitForURL(/hpsMin=/);
  const alert = page.getByRole("alert").filter({ hasText: "Sebagian saringan tidak dipakai" });
  await expect(alert).toContainText("HPS paling kecil lebih besar dari HPS paling besar: rentang HPS tidak dipakai.");
  expect(await listedTenderCodes(page)).toEqual(all);
  // a value that is no rupiah amount, and one past the ceiling, typed into the address
  for (const [query, message] of [
    ["hpsMin=abc", "HPS paling kecil tidak dapat dibaca"],
    ["hpsMax=99999999999999999999999", "HPS paling besar tidak dapat dibaca"],
  ] as const) {
    const response = await page.goto(`/tender?${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "Sebagian saringan tidak dipakai" })).toContainText(message);
  }
});

test("the one box's page finds an agency and a non-tender record beside the tenders", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const recordName = `Pengadaan Tenda Pengungsi Banjir ${Date.now()}`;
  await asUser(browser, "ppk.jayapura@segel.test", (p) =>
    recordNonTender(p, { name: recordName, vendorName: "CV Cenderawasih Logistik", value: "245.000.000" }),
  );

  await page.goto("/");
  const box = page.getByRole("banner").getByRole("searchbox");
  // an agency by part of its name, in lower case
  await box.fill("jayapura");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/cari\?q=jayapura/);
  await expect(page.getByRole("region", { name: "Instansi" })).toContainText("Pemerintah Kabupaten Jayapura");
  // the non-tender record by its words, with a typo
  await page.goto(`/cari?q=${encodeURIComponent("tenda pengungsi banjr")}`);
  await expect(page.getByRole("region", { name: "Pencatatan non-tender" })).toContainText(recordName);
  // its tenders' section leads to the whole list with the same words
  await page.goto(`/cari?q=${encodeURIComponent("jembatan")}`);
  expect(await listedTenderCodes(page)).toContain(DEMO.cisadane.code);
  await expect(page.locator('main a[href^="/tender?q=jembatan"]').first()).toBeVisible();
});
