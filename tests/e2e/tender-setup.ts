import { expect, type Page } from "@playwright/test";
import { sql } from "./helpers";

// Steps the journeys share to take a paket to an announced tender, as the PPK and the
// Pokja do it in the browser.

export const PDF = {
  name: "dokumen.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n"),
};
export const WIT_OFFSET_MS = 9 * 3_600_000; // Kabupaten Jayapura keeps Eastern Indonesia Time (UTC+9)

/** "2026-11-22T17:05:09" in WIT, the form's datetime-local format. */
export const wit = (ms: number) => new Date(ms + WIT_OFFSET_MS).toISOString().slice(0, 19);

export interface PaketSpec {
  category: string;
  pagu: string;
  unitPrice: string;
  method: RegExp;
  /** the demo's Kabupaten Jayapura unless another LPSE's journey says otherwise */
  fundingSource?: string;
  location?: string;
}

export async function createPaket(page: Page, spec: PaketSpec & { name: string }) {
  await page.goto("/paket/baru");
  await page.getByLabel("Kode RUP").fill(`E2E${Date.now()}`);
  await page.getByLabel("Nama paket").fill(spec.name);
  await page.getByLabel("Kategori").selectOption(spec.category);
  await page.getByLabel("Tahun anggaran").fill("2026");
  await page.getByLabel("Sumber dana").fill(spec.fundingSource ?? "APBD Kabupaten Jayapura 2026");
  await page.getByLabel("Pagu (Rp)").fill(spec.pagu);
  await page.getByLabel("Lokasi").fill(spec.location ?? "Distrik Sentani, Kabupaten Jayapura");
  await page.getByLabel("Satuan kerja").selectOption({ index: 1 });
  await page.getByLabel("Uraian").fill(`Pekerjaan ${spec.name}`);
  await page.getByLabel("Satuan", { exact: true }).fill("paket");
  await page.getByLabel("Volume").fill("1");
  await page.getByLabel("Harga satuan (Rp)").fill(spec.unitPrice);
  // the method follows from the rule table as the value is typed ...
  await expect(page.getByTestId("method-preview")).toContainText(spec.method);
  await page.getByRole("button", { name: "Simpan paket" }).click();
  await expect(page).toHaveURL(/\/paket\/[0-9a-f-]{36}$/);
  // ... and the server, deciding again on save, lands on the same method
  await expect(page.getByText(spec.method).first()).toBeVisible();
  await page.getByLabel("Jenis dokumen").selectOption("KAK");
  await page.getByLabel("Berkas").setInputFiles({ ...PDF, name: "KAK.pdf" });
  await page.getByRole("button", { name: "Unggah dokumen" }).click();
  await expect(page.getByText("KAK.pdf diunggah.")).toBeVisible();
}

/** `pejabatName`: the Pejabat Pengadaan the page then names (the demo's by default). */
export async function handOver(
  page: Page,
  target: "Pokja Pemilihan" | "Pejabat Pengadaan",
  pejabatName = "Markus Yoku",
): Promise<string | null> {
  await page.getByLabel(target).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Serahkan paket" }).click();
  // the paket page then shows who holds it
  if (target === "Pejabat Pengadaan") {
    await expect(page.getByText(pejabatName)).toBeVisible();
    return null;
  }
  const tender = page.getByText(/^\d{10} \(Draf\)/);
  await expect(tender).toBeVisible();
  return /^(\d{10})/.exec((await tender.textContent()) ?? "")![1]!;
}

/** `query`: SQL on the database of the instance the page is on (the demo's by default). */
export async function setUpAndPublish(page: Page, code: string, query: typeof sql = sql) {
  await page.goto("/pokja");
  await page.getByRole("link", { name: `Buka tender ${code}` }).click();
  // announcing too early is refused with what is missing ...
  await page.getByRole("button", { name: "Umumkan tender" }).click();
  await expect(page.getByTestId("publish-errors")).toContainText("hal masih kurang");
  await page.getByLabel("Dokumen pemilihan").setInputFiles({ ...PDF, name: `Dokumen Pemilihan ${code}.pdf` });
  // the page has another upload (the cancellation letters): this form's button
  await page
    .locator("form")
    .filter({ has: page.getByLabel("Dokumen pemilihan") })
    .getByRole("button", { name: "Unggah dokumen" })
    .click();
  await expect(page.getByText(`Dokumen Dokumen Pemilihan ${code}.pdf terunggah.`)).toBeVisible();
  await page
    .getByLabel("Persyaratan kualifikasi")
    .fill("Memiliki NIB dan SBU yang masih berlaku; pengalaman sejenis 4 tahun terakhir.");
  // a seleksi offers only the consultancy methods (decision 0042): its lowest-price one then
  const method = page.getByLabel("Metode evaluasi");
  const offered = await method.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  await method.selectOption(offered.includes("HARGA_TERENDAH") ? "HARGA_TERENDAH" : "BIAYA_TERENDAH");
  await page.getByRole("button", { name: "Simpan persiapan" }).click();
  await expect(page.getByText("Persiapan tersimpan.")).toBeVisible();
  await page.getByRole("button", { name: "Simpan jadwal" }).click();
  await expect(page.getByText("Jadwal tersimpan.")).toBeVisible();
  // ... and that refusal is gone once the set-up it listed is saved
  await expect(page.getByText("Semua persyaratan pengumuman terpenuhi.")).toBeVisible();
  await expect(page.getByTestId("publish-errors")).toHaveCount(0);
  await page.getByRole("button", { name: "Umumkan tender" }).click();
  // the page turns into the running tender's page: its schedule with the change history
  await expect(page.getByRole("heading", { name: "Riwayat perubahan jadwal" })).toBeVisible();
  expect(await query(`SELECT status::text FROM "Tender" WHERE code = $1`, [code])).toEqual([{ status: "PUBLISHED" }]);
}

/**
 * The stage `kind` of tender `code` starts now by the database clock, and the worker looks
 * at the tender on its next tick. A whole second, as the schedule form sends it back: a
 * running stage's start cannot change, so a start with milliseconds would be refused.
 */
export async function opensNow(code: string, kind: string) {
  const moved = await sql(
    `UPDATE "TenderStage" s SET "startsAt" = date_trunc('second', segel_now()) FROM "Tender" t
     WHERE t.id = s."tenderId" AND t.code = $1 AND s.kind = $2::"StageKind" AND s."startsAt" > segel_now() RETURNING s.id`,
    [code, kind],
  );
  expect(moved).toHaveLength(1);
  await sql(`UPDATE "Tender" SET "nextCheckAt" = segel_now() WHERE code = $1`, [code]);
}
