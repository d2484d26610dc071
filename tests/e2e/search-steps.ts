import { expect, type Page } from "@playwright/test";

// Steps the search, no-JavaScript and alert journeys share: reading which tenders a list
// shows, and recording a non-tender procurement as a PPK does it in the browser.

/** The demo's tenders the search journeys look for (prisma/seed/demo-procurement.ts). */
export const DEMO = {
  katulampa: { code: "2026000001", rup: "46120451", name: "Rehabilitasi Bendung Katulampa" },
  cisadane: { code: "2026000002", name: "Pembangunan Jembatan Sungai Cisadane Ruas Serpong" },
  supervisi: { code: "2026000003", name: "Jasa Konsultansi Supervisi Preservasi Jalan Nasional Jawa Barat" },
  ambulans: { code: "2026000005", name: "Pengadaan Ambulans Puskesmas Keliling" },
  obat: { code: "2026000006", name: "Pengadaan Obat dan Bahan Medis Habis Pakai" },
  sentaniDoyo: { code: "2026000009", rup: "61051201", name: "Peningkatan Jalan Sentani - Doyo Baru" },
  kemtuk: { code: "2026000010", name: "Pembangunan Sarana Air Bersih Distrik Kemtuk" },
  pompa: { code: "2026000012", name: "Pengadaan Pompa Air Portabel Tanggap Banjir" },
} as const;

/**
 * The codes of the tenders the page's main content links to, in the page's order (each
 * row links its announcement, /tender/<code>; a code is listed once).
 */
export async function listedTenderCodes(page: Page): Promise<string[]> {
  const hrefs = await Promise.all(
    (await page.locator('main a[href^="/tender/"]').all()).map((link) => link.getAttribute("href")),
  );
  const codes = hrefs.map((href) => /^\/tender\/(\d{10})$/.exec(href ?? "")?.[1]).filter((c): c is string => !!c);
  return [...new Set(codes)];
}

/** A day `daysAgo` before today (UTC), as a date field takes it. */
const dayBefore = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

export interface NonTenderSpec {
  name: string;
  vendorName: string;
  value: string;
  rupCode?: string;
}

/**
 * The signed-in PPK records a procurement done outside the system (/non-tender/baru) and
 * lands on the record. Returns the record's path.
 */
export async function recordNonTender(page: Page, spec: NonTenderSpec): Promise<string> {
  await page.goto("/non-tender/baru");
  await page.getByLabel("Satuan kerja").selectOption({ index: 1 });
  await page.getByLabel("Nama pengadaan").fill(spec.name);
  if (spec.rupCode) await page.getByLabel("Kode RUP (bila ada)").fill(spec.rupCode);
  await page.getByLabel("Kategori").selectOption("BARANG");
  await page.getByLabel("Jenis pencatatan").selectOption("DARURAT");
  await page
    .getByLabel("Alasan tidak melalui pemilihan di sistem")
    .fill("Banjir memutus jalan ke gudang; pembelian tidak dapat menunggu pemilihan di sistem.");
  await page.getByLabel("Nilai (Rp)").fill(spec.value);
  await page.getByLabel("Penyedia / pelaksana").fill(spec.vendorName);
  await page.getByLabel("Tanggal pelaksanaan").fill(dayBefore(2));
  await page.getByRole("button", { name: "Simpan pencatatan" }).click();
  await expect(page).toHaveURL(/\/non-tender\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}
