import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { joinTender, sendBid, signIn, signOut, sql, submitBid, uploadBidFiles } from "./helpers";

// Three companies register, are verified, ask a question, send sealed bids with files,
// and check their signed receipts: on the public page and offline with the CLI.

const QA_TENDER = "2026000005"; // seeded in pemberian penjelasan
const BID_TENDER = "2026000009"; // seeded in upload penawaran (Kabupaten Jayapura, WIT)
const root = path.resolve(import.meta.dirname, "../..");
const run = Date.now().toString().slice(-6);
const digits = (n: number, seed: number) => `${seed}${run}`.padEnd(n, "7").slice(0, n);

const COMPANIES = [
  {
    name: `CV Tirta Sentani ${run}`,
    npwp: digits(15, 1),
    nib: digits(13, 1),
    city: "Kabupaten Jayapura",
    province: "Papua",
    price: "14.250.000.000",
  },
  {
    name: `PT Cenderawasih Karya ${run}`,
    npwp: digits(16, 2),
    nib: digits(13, 2),
    city: "Kota Jayapura",
    province: "Papua",
    price: "13.980.500.000",
  },
  {
    name: `PT Lembah Baliem Konstruksi ${run}`,
    npwp: digits(15, 3),
    nib: digits(13, 3),
    city: "Kabupaten Jayawijaya",
    province: "Papua Pegunungan",
    price: "14.610.000.000",
  },
].map((c, i) => ({
  ...c,
  user: `direktur${i + 1}.${run}@penyedia.segel.test`,
  password: `Sandi Penyedia ${run} ${i}`,
}));

type Company = (typeof COMPANIES)[number];

async function register(page: Page, c: Company) {
  await page.goto("/daftar");
  await page.getByLabel("Nama perusahaan").fill(c.name);
  await page.getByLabel("Bentuk usaha").selectOption(c.name.startsWith("CV") ? "CV" : "PT");
  await page.getByLabel("NPWP").fill(c.npwp);
  await page.getByLabel("NIB").fill(c.nib);
  await page.getByLabel("KBLI").fill("42101, 42204");
  await page.getByLabel("Alamat").fill("Jl. Raya Sentani No. 12");
  await page.getByLabel("Kota/Kabupaten").fill(c.city);
  await page.getByLabel("Provinsi").fill(c.province);
  await page.getByLabel("Email perusahaan").fill(`kantor.${c.user}`);
  await page.getByLabel("Telepon").fill("0967-591000");
  await page.getByLabel("Nama pengguna").fill(`Direktur ${c.name}`);
  await page.getByLabel("Email pengguna").fill(c.user);
  await page.getByLabel("Kata sandi").fill(c.password);
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page).toHaveURL(/\/penyedia\/profil/);
}

/**
 * What the Verifikator's checklist asks for, through the profile page: the scans of the
 * deed and the permit, the deed and the permit each with its scan, a direksi; then the
 * profile is sent. The confirmation link goes by mail, which this demo-seeded run does not
 * receive (the empty-instance project reads mail over SMTP), so the address is marked
 * confirmed in the database, as following the link would.
 */
async function completeAndSend(page: Page, c: Company) {
  for (const file of ["akta-pendirian.pdf", "sertifikat-standar.pdf"]) {
    // the section and its file field share the name "Dokumen perusahaan": the field inside the section
    await page
      .getByRole("region", { name: "Dokumen perusahaan" })
      .getByLabel("Dokumen perusahaan")
      .setInputFiles({
        name: file,
        mimeType: "application/pdf",
        buffer: Buffer.from(`%PDF-1.4\n% ${file} ${c.name}\n%%EOF\n`),
      });
    await page.getByRole("button", { name: "Unggah" }).click();
    await expect(page.getByText(`${file} terunggah.`)).toBeVisible();
    await expect(page.getByTestId("vendor-document").filter({ hasText: file })).toBeVisible();
  }
  const deed = page.locator("details").filter({ hasText: "Tambah akta" });
  await deed.locator("summary").click();
  await deed.getByLabel("Jenis akta").selectOption("Akta Pendirian");
  await deed.getByLabel("Nomor akta").fill("12");
  await deed.getByLabel("Tanggal akta").fill("2015-03-02");
  await deed.getByLabel("Notaris").fill("Notaris Sentani, S.H.");
  await deed.getByLabel("Dokumen", { exact: true }).selectOption({ label: "akta-pendirian.pdf" });
  await deed.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByTestId("checklist-deed")).toContainText("Terpenuhi");
  const permit = page.locator("details").filter({ hasText: "Tambah izin usaha" });
  await permit.locator("summary").click();
  await permit.getByLabel("Jenis izin").fill("Sertifikat Standar");
  await permit.getByLabel("Nomor izin").fill(`SS-${c.nib}`);
  await permit.getByLabel("Diterbitkan oleh").fill("OSS RBA");
  await permit.getByLabel("Dokumen", { exact: true }).selectOption({ label: "sertifikat-standar.pdf" });
  await permit.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByTestId("checklist-permit")).toContainText("Terpenuhi");
  const person = page.locator("details").filter({ hasText: "Tambah orang" });
  await person.locator("summary").click();
  await person.getByLabel("Kedudukan").selectOption("DIREKSI");
  await person.getByLabel("Nama lengkap").fill(`Direktur ${c.name}`);
  await person.getByLabel("Jabatan").fill("Direktur Utama");
  await person.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByTestId("checklist-person")).toContainText("Terpenuhi");

  await sql(`UPDATE "User" SET "emailVerifiedAt" = segel_now() WHERE email = $1`, [c.user]);
  await page.reload();
  await page.getByRole("button", { name: "Kirim untuk verifikasi" }).click();
  // the page comes back with the banner in its new state (the form that sent it is gone with it)
  await expect(page.getByTestId("vendor-status")).toContainText("Menunggu verifikasi");
  await expect(page.getByRole("button", { name: "Kirim untuk verifikasi" })).toHaveCount(0);
}

async function asVendor<T>(browser: Browser, c: Company, act: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, c.user, c.password);
  try {
    return await act(page);
  } finally {
    await context.close();
  }
}

test("three vendors register, are verified, ask, bid with sealed files and verify their receipts", async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  for (const c of COMPANIES) {
    const context = await browser.newContext();
    const vendorPage = await context.newPage();
    await register(vendorPage, c);
    await completeAndSend(vendorPage, c);
    await context.close();
  }

  await signIn(page, "verifikator@segel.test");
  for (const c of COMPANIES) {
    await page.goto("/verifikasi");
    await page.getByRole("link", { name: new RegExp(c.name) }).click();
    await expect(page.getByTestId("verification-checklist")).not.toContainText("Belum terpenuhi");
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await expect(page.getByTestId("vendor-decision")).toContainText(`${c.name} telah diverifikasi oleh`);
    expect(await sql(`SELECT status::text FROM "Vendor" WHERE name = $1`, [c.name])).toEqual([{ status: "VERIFIED" }]);
  }
  await signOut(page);

  const receipts: string[] = [];
  for (const [i, c] of COMPANIES.entries()) {
    receipts.push(
      await asVendor(browser, c, async (vendor) => {
        await joinTender(vendor, QA_TENDER);
        await vendor.getByRole("link", { name: "Pemberian penjelasan (tanya jawab)" }).click();
        await vendor
          .getByRole("textbox", { name: "Pertanyaan" })
          .fill(`Pertanyaan peserta ${i + 1}: apakah ambulans harus berpenggerak 4x4 untuk medan Gowa?`);
        await vendor.getByRole("button", { name: "Kirim pertanyaan" }).click();
        await expect(vendor.getByText(`Pertanyaan peserta ${i + 1}`).first()).toBeVisible();

        await joinTender(vendor, BID_TENDER);
        if (i < 2) {
          await submitBid(vendor, BID_TENDER, c.price);
        } else {
          // The third uploads on one laptop and sends from another: a fresh browser lists
          // the staged files by part with their names sealed, and sends them (decision 0005).
          await uploadBidFiles(vendor, BID_TENDER, c.price);
          await asVendor(browser, c, async (laptop) => {
            await laptop.goto(`/tender/${BID_TENDER}`);
            await laptop.getByRole("link", { name: "Penawaran saya" }).click();
            const staged = laptop.getByTestId("staged-files");
            for (const part of ["Administrasi", "Harga"])
              await expect(staged.getByText(`${part}: nama berkas tersegel`)).toBeVisible();
            await expect(staged.getByText(/^PDF, 64 KiB/)).toHaveCount(2);
            await sendBid(laptop, c.price);
          });
          await vendor.reload();
        }
        await expect(vendor.getByTestId("receipt-received-at")).toContainText("WIT");
        const [download] = await Promise.all([
          vendor.waitForEvent("download"),
          vendor.getByRole("link", { name: "Unduh tanda terima" }).click(),
        ]);
        const file = path.join(test.info().outputDir, `tanda-terima-${i + 1}.json`);
        await download.saveAs(file);

        // anyone can check a receipt on the public page
        await vendor.goto("/verifikasi-tanda-terima");
        await vendor.getByLabel("Berkas tanda terima").setInputFiles(file);
        await vendor.getByRole("button", { name: "Periksa" }).click();
        await expect(vendor.getByText(/^SAH:/)).toBeVisible();
        return file;
      }),
    );
  }

  // ... and offline, with the instance's public key and the command-line script
  const { publicKeyPem } = await (await page.request.get("/api/instance-key")).json();
  const pemFile = path.join(test.info().outputDir, "instance-key.pem");
  writeFileSync(pemFile, publicKeyPem);
  for (const receipt of receipts) {
    const out = execFileSync(
      path.join(root, "node_modules/.bin/tsx"),
      ["src/cli/verify-receipt.ts", receipt, pemFile],
      { cwd: root, encoding: "utf8" },
    );
    expect(out).toMatch(/^VALID/);
  }

  // The public sees three questions without their askers, and bidders only as numbers.
  await page.goto(`/tender/${QA_TENDER}`);
  for (const [i, c] of COMPANIES.entries()) {
    await expect(page.getByText(`Pertanyaan peserta ${i + 1}`).first()).toBeVisible();
    await expect(page.getByText(c.name)).toHaveCount(0);
  }
  // While bidding is open the public sees who registered, but not how many bids are in.
  await page.goto(`/tender/${BID_TENDER}`);
  await expect(page.getByText("Peserta 3")).toBeVisible();
  for (const c of COMPANIES) await expect(page.getByText(c.name)).toHaveCount(0);
  await expect(page.getByTestId("bid-count")).toHaveText("Jumlah penawaran diumumkan setelah pembukaan penawaran.");
  await expect(page.getByText(/penawaran masuk/)).toHaveCount(0);

  // What the database holds reveals no price: every text column of every bid row.
  const rows = await sql<{ row: string }>(
    `SELECT b::text AS row FROM "Bid" b JOIN "Tender" t ON t.id = b."tenderId" WHERE t.code = $1`,
    [BID_TENDER],
  );
  expect(rows).toHaveLength(3);
  for (const c of COMPANIES) {
    const plain = c.price.replaceAll(".", "");
    for (const { row } of rows) expect(row).not.toContain(plain);
  }
});
