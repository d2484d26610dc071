import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { reloadUntil, signIn, signOut, sql } from "./helpers";
import { createPaket, handOver, opensNow, setUpAndPublish, wit } from "./tender-setup";

// A PPK and a Pokja take paket of every category to a published tender (or to a
// pengadaan langsung), the public sees the announcement, and the schedule worker moves
// the tender on by itself.

test("a construction paket goes from the PPK to a published tender that moves on by itself", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await signIn(page, "ppk.jayapura@segel.test");
  await createPaket(page, {
    name: "Jembatan Gantung Kampung Yahim",
    category: "PEKERJAAN_KONSTRUKSI",
    pagu: "950.000.000",
    unitPrice: "925.500.000",
    method: /Tender/,
  });
  const code = (await handOver(page, "Pokja Pemilihan"))!;
  await signOut(page);

  await signIn(page, "pokja1.jayapura@segel.test");
  await fillRequirements(page, code);
  // the proposed schedule: Pengumuman opens tomorrow morning
  await setUpAndPublish(page, code);

  // The public, signed in as nobody, sees the announcement.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/tender/${code}`);
  await expect(visitor.getByRole("heading", { name: "Jembatan Gantung Kampung Yahim" })).toBeVisible();
  await expect(visitor.getByText("Rp925.500.000").first()).toBeVisible();
  await expect(visitor.getByText(/WIT\b/).first()).toBeVisible();
  await expect(visitor.getByText(`Dokumen Pemilihan ${code}.pdf`)).toBeVisible();
  // the structured requirements the Pokja saved, in sentences
  for (const line of [
    "SBU Jasa Konstruksi dengan KBLI 42101",
    "Sekurang-kurangnya 2 kontrak, masing-masing sekurang-kurangnya Rp500.000.000, dalam 4 tahun terakhir",
    "Ahli Teknik Jembatan: 1 orang, pengalaman sekurang-kurangnya 5 tahun, pendidikan S1 Teknik Sipil",
  ])
    await expect(visitor.getByRole("listitem").filter({ hasText: line })).toHaveCount(1);

  // Pengumuman's start comes: it is moved to now by the database clock, with the tender's
  // next look, instead of waiting for the wall clock (this project leaves the shared
  // clock alone; the time-travel journeys move it). Its end stays days later.
  await opensNow(code, "PENGUMUMAN");
  // Nobody acts: the worker moves the tender into Pengumuman.
  const stageOf = async () =>
    (
      await sql<{ stage: string | null }>(`SELECT "currentStage"::text AS stage FROM "Tender" WHERE code = $1`, [code])
    )[0]!.stage;
  await expect.poll(stageOf, { timeout: 20_000 }).toBe("PENGUMUMAN");
  const moves = await sql<{ actor: string | null }>(
    `SELECT "actorId"::text AS actor FROM "AuditEvent" WHERE action = 'tender.stageAdvanced' AND "entityId" = (SELECT id::text FROM "Tender" WHERE code = $1)`,
    [code],
  );
  expect(moves.length).toBeGreaterThanOrEqual(1);
  expect(moves.every((m) => m.actor === null)).toBe(true);
  await reloadUntil(visitor, () =>
    expect(visitor.getByTestId("current-stage")).toContainText("Pengumuman", { timeout: 1000 }),
  );

  // The running announcement's end may only move later; a later end pushes the stages
  // after it back. The change needs a reason, and the public sees it beside the schedule.
  await page.reload();
  await page.getByRole("button", { name: "Ubah jadwal Pengumuman", exact: true }).click();
  const form = page.getByRole("form", { name: "Ubah jadwal Pengumuman", exact: true });
  await expect(form.getByText("hanya dapat diundur")).toBeVisible();
  await form.getByLabel("Selesai baru Pengumuman", { exact: true }).fill(wit(Date.now() + 6 * 86_400_000));
  await form
    .getByLabel("Alasan perubahan")
    .fill("Banyak pertanyaan penyedia tentang gambar kerja; masa pengumuman ditambah.");
  await form.getByRole("button", { name: "Simpan perubahan jadwal" }).click();
  await expect(page.getByText("Jadwal Pengumuman diubah.")).toBeVisible();
  // the public sees it within the page cache's window (docs/decisions/0016)
  await reloadUntil(visitor, () =>
    expect(visitor.getByTestId("schedule-changes")).toContainText("gambar kerja", { timeout: 1000 }),
  );
});

/**
 * The Pokja fills the structured qualification requirements on the draft's set-up page:
 * one permit with a KBLI, an experience requirement, one staff line. A bad value is then
 * refused beside its input, and nothing of it is saved.
 */
async function fillRequirements(page: Page, code: string) {
  await page.goto("/pokja");
  await page.getByRole("link", { name: `Buka tender ${code}` }).click();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Simpan persyaratan" }) });
  await form.getByLabel("Jenis izin (baris 1)").fill("SBU Jasa Konstruksi");
  await form.getByLabel("Kode KBLI (baris 1)").fill("42101");
  await form.getByLabel("Jumlah kontrak minimal").fill("2");
  await form.getByLabel("Nilai minimal tiap kontrak (Rp)").fill("500.000.000");
  await form.getByLabel("Dalam tahun terakhir").fill("4");
  // "Jumlah (baris 1)" is also the equipment list's: the staff list's own
  const staff = form.getByRole("group", { name: "Personel" });
  await staff.getByLabel("Jabatan (baris 1)").fill("Ahli Teknik Jembatan");
  await staff.getByLabel("Jumlah (baris 1)").fill("1");
  await staff.getByLabel("Pengalaman minimal (tahun) (baris 1)").fill("5");
  await staff.getByLabel("Pendidikan (baris 1)").fill("S1 Teknik Sipil");
  await form.getByRole("button", { name: "Simpan persyaratan" }).click();
  // the lasting outcome, not the done message the refresh may replace: the checklist says it is set
  await expect(page.getByText("Persyaratan kualifikasi terstruktur sudah diisi.")).toBeVisible();
  const stored = async () =>
    (await sql<{ r: unknown }>(`SELECT "qualificationRequirements" AS r FROM "Tender" WHERE code = $1`, [code]))[0]!.r;
  const saved = await stored();
  expect(saved).toMatchObject({
    permits: [{ kind: "SBU Jasa Konstruksi", kbli: ["42101"] }],
    experience: { minCount: 2, minValue: "500000000", withinYears: 4 },
    staff: [{ position: "Ahli Teknik Jembatan", minCount: 1, minYears: 5, education: "S1 Teknik Sipil" }],
  });

  // a KBLI of 3 digits and negative years: refused beside each input, nothing saved
  await page.reload();
  await form.getByLabel("Kode KBLI (baris 1)").fill("421");
  await form.getByLabel("Dalam tahun terakhir").fill("-1");
  await form.getByRole("button", { name: "Simpan persyaratan" }).click();
  await expect(form.getByLabel("Kode KBLI (baris 1)")).toHaveAccessibleDescription(/terdiri atas 5 digit/);
  await expect(form.getByLabel("Dalam tahun terakhir")).toHaveAccessibleDescription(/bilangan bulat 0 sampai 50/);
  expect(await stored()).toEqual(saved);
  await page.reload();
  await expect(form.getByLabel("Kode KBLI (baris 1)")).toHaveValue("42101");
  await expect(form.getByLabel("Dalam tahun terakhir")).toHaveValue("4");
}

test("paket of every category land on the method the rules give, and reach a tender or pengadaan langsung", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "ppk.jayapura@segel.test");
  const cases = [
    {
      name: "Pengadaan Laptop Distrik",
      category: "BARANG",
      pagu: "200.000.000",
      unitPrice: "200.000.000",
      method: /Pengadaan Langsung/,
    },
    {
      name: "Pengadaan Kendaraan Operasional",
      category: "BARANG",
      pagu: "250.000.000",
      unitPrice: "200.000.001",
      method: /Tender/,
    },
    {
      name: "Konsultansi Pengawasan Jalan Kampung",
      category: "JASA_KONSULTANSI",
      pagu: "150.000.000",
      unitPrice: "100.000.001",
      method: /Seleksi/,
    },
    {
      name: "Jasa Kebersihan Kantor Bupati",
      category: "JASA_LAINNYA",
      pagu: "300.000.000",
      unitPrice: "200.000.001",
      method: /Tender/,
    },
  ];
  const codes: string[] = [];
  for (const c of cases) {
    await createPaket(page, c);
    const code = await handOver(
      page,
      c.method.source === "Pengadaan Langsung" ? "Pejabat Pengadaan" : "Pokja Pemilihan",
    );
    if (code) codes.push(code);
  }
  await signOut(page);

  await signIn(page, "pokja2.jayapura@segel.test");
  for (const code of codes) await setUpAndPublish(page, code);
  const published = await sql<{ code: string; method: string }>(
    `SELECT code, method::text FROM "Tender" WHERE code = ANY($1) AND status = 'PUBLISHED'`,
    [codes],
  );
  expect(published.map((t) => t.method).sort()).toEqual(["SELEKSI", "TENDER", "TENDER"]);
  const direct = await sql<{ status: string }>(
    `SELECT status::text FROM "Paket" WHERE name = 'Pengadaan Laptop Distrik' AND "pejabatPengadaanId" IS NOT NULL`,
  );
  expect(direct).toEqual([{ status: "HANDED_OVER" }]);
});
