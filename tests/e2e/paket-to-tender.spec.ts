import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { reloadUntil, signIn, signOut, sql } from "./helpers";

// A PPK and a Pokja take paket of every category to a published tender (or to a
// pengadaan langsung), the public sees the announcement, and the schedule worker moves
// the tender on by itself.

const PDF = { name: "dokumen.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n") };
const WIT_OFFSET_MS = 9 * 3_600_000; // Kabupaten Jayapura keeps Eastern Indonesia Time (UTC+9)

/** "2026-11-22T17:05:09" in WIT, the form's datetime-local format. */
const wit = (ms: number) => new Date(ms + WIT_OFFSET_MS).toISOString().slice(0, 19);

interface PaketSpec {
  category: string;
  pagu: string;
  unitPrice: string;
  method: RegExp;
}

async function createPaket(page: Page, spec: PaketSpec & { name: string }) {
  await page.goto("/paket/baru");
  await page.getByLabel("Kode RUP").fill(`E2E${Date.now()}`);
  await page.getByLabel("Nama paket").fill(spec.name);
  await page.getByLabel("Kategori").selectOption(spec.category);
  await page.getByLabel("Tahun anggaran").fill("2026");
  await page.getByLabel("Sumber dana").fill("APBD Kabupaten Jayapura 2026");
  await page.getByLabel("Pagu (Rp)").fill(spec.pagu);
  await page.getByLabel("Lokasi").fill("Distrik Sentani, Kabupaten Jayapura");
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

async function handOver(page: Page, target: "Pokja Pemilihan" | "Pejabat Pengadaan"): Promise<string | null> {
  await page.getByLabel(target).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Serahkan paket" }).click();
  // the paket page then shows who holds it
  if (target === "Pejabat Pengadaan") {
    await expect(page.getByText("Markus Yoku")).toBeVisible();
    return null;
  }
  const tender = page.getByText(/^\d{10} \(Draf\)/);
  await expect(tender).toBeVisible();
  return /^(\d{10})/.exec((await tender.textContent()) ?? "")![1]!;
}

async function setUpAndPublish(page: Page, code: string) {
  await page.goto("/pokja");
  await page.getByRole("link", { name: `Buka tender ${code}` }).click();
  // announcing too early is refused with what is missing ...
  await page.getByRole("button", { name: "Umumkan tender" }).click();
  await expect(page.getByTestId("publish-errors")).toContainText("hal masih kurang");
  await page.getByLabel("Dokumen pemilihan").setInputFiles({ ...PDF, name: `Dokumen Pemilihan ${code}.pdf` });
  await page.getByRole("button", { name: "Unggah dokumen" }).click();
  await expect(page.getByText(`Dokumen Dokumen Pemilihan ${code}.pdf terunggah.`)).toBeVisible();
  await page.getByLabel("Persyaratan kualifikasi").fill("Memiliki NIB dan SBU yang masih berlaku; pengalaman sejenis 4 tahun terakhir.");
  await page.getByLabel("Metode evaluasi").selectOption("HARGA_TERENDAH");
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
  expect(await sql(`SELECT status::text FROM "Tender" WHERE code = $1`, [code])).toEqual([{ status: "PUBLISHED" }]);
}

/** The stage `kind` of tender `code` starts now by the database clock, and the worker looks at the tender on its next tick. */
async function opensNow(code: string, kind: string) {
  const moved = await sql(
    `UPDATE "TenderStage" s SET "startsAt" = segel_now() FROM "Tender" t
     WHERE t.id = s."tenderId" AND t.code = $1 AND s.kind = $2::"StageKind" AND s."startsAt" > segel_now() RETURNING s.id`,
    [code, kind],
  );
  expect(moved).toHaveLength(1);
  await sql(`UPDATE "Tender" SET "nextCheckAt" = segel_now() WHERE code = $1`, [code]);
}

test("a construction paket goes from the PPK to a published tender that moves on by itself", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signIn(page, "ppk.jayapura@segel.test");
  await createPaket(page, { name: "Jembatan Gantung Kampung Yahim", category: "PEKERJAAN_KONSTRUKSI", pagu: "950.000.000", unitPrice: "925.500.000", method: /Tender/ });
  const code = (await handOver(page, "Pokja Pemilihan"))!;
  await signOut(page);

  await signIn(page, "pokja1.jayapura@segel.test");
  // the proposed schedule: Pengumuman opens tomorrow morning
  await setUpAndPublish(page, code);

  // The public, signed in as nobody, sees the announcement.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/tender/${code}`);
  await expect(visitor.getByRole("heading", { name: "Jembatan Gantung Kampung Yahim" })).toBeVisible();
  await expect(visitor.getByText("Rp925.500.000").first()).toBeVisible();
  await expect(visitor.getByText(/WIT\b/).first()).toBeVisible();
  await expect(visitor.getByText(`Dokumen Pemilihan ${code}.pdf`)).toBeVisible();

  // Pengumuman's start comes: it is moved to now by the database clock, with the tender's
  // next look, instead of waiting for the wall clock (this project leaves the shared
  // clock alone; the time-travel journeys move it). Its end stays days later.
  await opensNow(code, "PENGUMUMAN");
  // Nobody acts: the worker moves the tender into Pengumuman.
  const stageOf = async () => (await sql<{ stage: string | null }>(`SELECT "currentStage"::text AS stage FROM "Tender" WHERE code = $1`, [code]))[0]!.stage;
  await expect.poll(stageOf, { timeout: 20_000 }).toBe("PENGUMUMAN");
  const moves = await sql<{ actor: string | null }>(
    `SELECT "actorId"::text AS actor FROM "AuditEvent" WHERE action = 'tender.stageAdvanced' AND "entityId" = (SELECT id::text FROM "Tender" WHERE code = $1)`,
    [code],
  );
  expect(moves.length).toBeGreaterThanOrEqual(1);
  expect(moves.every((m) => m.actor === null)).toBe(true);
  await reloadUntil(visitor, () => expect(visitor.getByTestId("current-stage")).toContainText("Pengumuman", { timeout: 1000 }));

  // The running announcement's end may only move later; a later end pushes the stages
  // after it back. The change needs a reason, and the public sees it beside the schedule.
  await page.reload();
  await page.getByRole("button", { name: "Ubah jadwal Pengumuman", exact: true }).click();
  const form = page.getByRole("form", { name: "Ubah jadwal Pengumuman", exact: true });
  await expect(form.getByText("hanya dapat diundur")).toBeVisible();
  await form.getByLabel("Selesai baru Pengumuman", { exact: true }).fill(wit(Date.now() + 6 * 86_400_000));
  await form.getByLabel("Alasan perubahan").fill("Banyak pertanyaan penyedia tentang gambar kerja; masa pengumuman ditambah.");
  await form.getByRole("button", { name: "Simpan perubahan jadwal" }).click();
  await expect(page.getByText("Jadwal Pengumuman diubah.")).toBeVisible();
  // the public sees it within the page cache's window (docs/decisions/0016)
  await reloadUntil(visitor, () => expect(visitor.getByTestId("schedule-changes")).toContainText("gambar kerja", { timeout: 1000 }));
});

test("paket of every category land on the method the rules give, and reach a tender or pengadaan langsung", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "ppk.jayapura@segel.test");
  const cases = [
    { name: "Pengadaan Laptop Distrik", category: "BARANG", pagu: "200.000.000", unitPrice: "200.000.000", method: /Pengadaan Langsung/ },
    { name: "Pengadaan Kendaraan Operasional", category: "BARANG", pagu: "250.000.000", unitPrice: "200.000.001", method: /Tender/ },
    { name: "Konsultansi Pengawasan Jalan Kampung", category: "JASA_KONSULTANSI", pagu: "150.000.000", unitPrice: "100.000.001", method: /Seleksi/ },
    { name: "Jasa Kebersihan Kantor Bupati", category: "JASA_LAINNYA", pagu: "300.000.000", unitPrice: "200.000.001", method: /Tender/ },
  ];
  const codes: string[] = [];
  for (const c of cases) {
    await createPaket(page, c);
    const code = await handOver(page, c.method.source === "Pengadaan Langsung" ? "Pejabat Pengadaan" : "Pokja Pemilihan");
    if (code) codes.push(code);
  }
  await signOut(page);

  await signIn(page, "pokja2.jayapura@segel.test");
  for (const code of codes) await setUpAndPublish(page, code);
  const published = await sql<{ code: string; method: string }>(`SELECT code, method::text FROM "Tender" WHERE code = ANY($1) AND status = 'PUBLISHED'`, [codes]);
  expect(published.map((t) => t.method).sort()).toEqual(["SELEKSI", "TENDER", "TENDER"]);
  const direct = await sql<{ status: string }>(`SELECT status::text FROM "Paket" WHERE name = 'Pengadaan Laptop Distrik' AND "pejabatPengadaanId" IS NOT NULL`);
  expect(direct).toEqual([{ status: "HANDED_OVER" }]);
});
