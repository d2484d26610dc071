import { expect, test } from "./fixtures";
import { joinTender, reloadUntil, signIn, signOut, sql, submitBid } from "./helpers";
import { createPaket, handOver, opensNow, PDF, setUpAndPublish } from "./tender-setup";

// Tender batal mid-way: a tender with a registered vendor and a sealed bid is cancelled by
// its Pokja, citing the PA/KPA's letter; the vendor sees it cancelled on their own pages
// and the public reads the cancellation with its reason (docs/decisions/0023).

const REASON = "Anggaran kegiatan dialihkan untuk penanganan banjir Sentani sesuai surat PA/KPA.";
const VENDOR = "penyedia1@segel.test";

test("a tender with a bid is cancelled by its Pokja; the bidder and the public see it cancelled, with the reason", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const name = `Gedung Posyandu Kampung Sereh ${Date.now().toString().slice(-6)}`;
  await signIn(page, "ppk.jayapura@segel.test");
  await createPaket(page, {
    name,
    category: "PEKERJAAN_KONSTRUKSI",
    pagu: "950.000.000",
    unitPrice: "925.500.000",
    method: /Tender/,
  });
  const code = (await handOver(page, "Pokja Pemilihan"))!;
  await signOut(page);
  await signIn(page, "pokja1.jayapura@segel.test");
  await setUpAndPublish(page, code);
  // the upload window opens now by the database clock instead of in a few days
  await opensNow(code, "UPLOAD_PENAWARAN");

  const vendorContext = await browser.newContext();
  const vendor = await vendorContext.newPage();
  vendor.on("dialog", (dialog) => void dialog.accept().catch(() => {}));
  await signIn(vendor, VENDOR);
  await joinTender(vendor, code);
  await submitBid(vendor, code, "910.000.000");
  const bidPage = vendor.url();

  // The Pokja attaches the PA/KPA's letter and cancels from its tender page.
  page.on("dialog", (dialog) => void dialog.accept().catch(() => {}));
  await page.goto("/pokja");
  await page.getByRole("link", { name: `Buka tender ${code}` }).click();
  const batal = page.getByRole("region", { name: "Batalkan tender" });
  await batal
    .getByLabel("Surat keputusan PA/KPA atau berita acara pembatalan")
    .setInputFiles({ ...PDF, name: `Surat PA-KPA ${code}.pdf` });
  await batal.getByRole("button", { name: "Unggah dokumen" }).click();
  await expect(batal.getByRole("checkbox", { name: `Surat PA-KPA ${code}.pdf` })).toBeChecked();
  await batal.getByLabel("Dasar pembatalan").selectOption("BUDGET_UNAVAILABLE");

  // a reason too short to be checked is refused, in the form, and nothing is written
  await batal.getByLabel("Uraian alasan (diumumkan)").fill("Dana habis.");
  await batal.getByRole("button", { name: "Batalkan tender" }).click();
  await expect(batal.getByText("Tuliskan alasan sekurang-kurangnya 20 karakter.")).toBeVisible();
  expect(await sql(`SELECT status::text FROM "Tender" WHERE code = $1`, [code])).toEqual([{ status: "PUBLISHED" }]);

  await batal.getByLabel("Uraian alasan (diumumkan)").fill(REASON);
  await batal.getByRole("button", { name: "Batalkan tender" }).click();
  // the page, refreshed, no longer offers the cancellation but states it, with the letter
  await expect(page.getByTestId("tender-ended")).toContainText(REASON);
  await expect(page.getByRole("region", { name: "Batalkan tender" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Surat PA-KPA ${code}.pdf` })).toBeVisible();
  expect(await sql(`SELECT status::text, "endReason" FROM "Tender" WHERE code = $1`, [code])).toEqual([
    { status: "CANCELLED", endReason: REASON },
  ]);

  // The bidder's bid page leads with the cancellation; the inbox has the notice.
  await vendor.goto(bidPage);
  await expect(vendor.getByTestId("tender-ended")).toContainText("Tender ini dibatalkan");
  await expect(vendor.getByTestId("tender-ended")).toContainText(REASON);
  await expect(vendor.getByRole("button", { name: "Kirim penawaran" })).toHaveCount(0);
  await vendor.goto("/kotak-masuk");
  await expect(vendor.getByText(`Tender dibatalkan: ${code}`)).toBeVisible();
  await vendorContext.close();

  // The public, signed in as nobody, reads it on the announcement and in the list.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/tender/${code}`);
  await reloadUntil(visitor, () =>
    expect(visitor.getByTestId("current-stage")).toContainText("Dibatalkan", { timeout: 1000 }),
  );
  await expect(visitor.getByTestId("tender-ended")).toContainText(REASON);
  await expect(visitor.getByTestId("tender-ended")).toContainText("Dibatalkan pada");
  await expect(visitor.getByText(`Surat PA-KPA ${code}.pdf`)).toBeVisible();
  await expect(visitor.getByRole("button", { name: "Ikut tender ini" })).toHaveCount(0);
  await visitor.goto(`/tender?q=${code}`);
  await reloadUntil(visitor, () =>
    expect(visitor.getByRole("row", { name: new RegExp(code) })).toContainText("Dibatalkan", { timeout: 1000 }),
  );
});
