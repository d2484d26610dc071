import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "../fixtures";
import { DEMO_OPENING_PASSPHRASE } from "../../../prisma/seed/demo-people";
import { SUBMIT_GRACE_MS } from "../../../src/modules/bids/domain/bid-rules";
import { asUser, advanceClock, checkSurely, joinTender, reloadUntil, sql, submitBid } from "../helpers";
import { approveWinnerProposal, proposeWinner, proveRankedBids } from "../award-steps";

// These journeys move the database clock forward (days pass in a moment), so they run
// after every other journey (the "time-travel" project in playwright.config.ts).

const DAY = 86_400_000;
const TENDER = "2026000006"; // seeded: Pengadaan Obat dan BMHP, HPS Rp5.115.800.000, upload open
const BIDS = [
  { email: "penyedia4@segel.test", company: "PT Medika Sehat Sentosa", price: "4.875.000.000" },
  { email: "penyedia2@segel.test", company: "CV Sinar Makassar Abadi", price: "4.990.500.000" },
  { email: "penyedia3@segel.test", company: "PT Papua Cipta Konstruksi", price: "5.300.000.000" }, // above HPS
];

const tenderRow = async (code: string) =>
  (
    await sql<{ id: string; status: string; deadline: Date }>(
      `SELECT t.id, t.status::text, s."endsAt" AS deadline FROM "Tender" t JOIN "TenderStage" s ON s."tenderId" = t.id AND s.kind = 'UPLOAD_PENAWARAN' WHERE t.code = $1`,
      [code],
    )
  )[0]!;

/**
 * Moves the database clock past `instant` by a minute more than the grace in which bids
 * that arrived before a deadline are still recorded (the worker and the opening wait for
 * it, decision 0020); the worker sees it on its next look.
 */
async function passBeyond(instant: Date, margin = SUBMIT_GRACE_MS + 60_000) {
  const [clock] = await sql<{ now: Date }>(`SELECT segel_now() AS now`);
  const ahead = instant.getTime() + margin - clock!.now.getTime();
  if (ahead > 0) await advanceClock(ahead);
}

test("three bids, one above HPS: opened, evaluated, winner announced, a sanggah answered, SPPBJ issued", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // the letters are kept beside the test's results, for a person to open
  mkdirSync(test.info().outputDir, { recursive: true });
  for (const bid of BIDS) {
    await asUser(browser, bid.email, async (page) => {
      await joinTender(page, TENDER);
      await submitBid(page, TENDER, bid.price);
    });
  }
  const tender = await tenderRow(TENDER);

  // The deadline passes; the worker moves the tender on; two of three Pokja members open.
  await passBeyond(tender.deadline);
  await expect.poll(async () => (await tenderRow(TENDER)).status, { timeout: 20_000 }).toBe("EVALUATION");
  for (const [i, member] of ["pokja1.sulsel@segel.test", "pokja2.sulsel@segel.test"].entries()) {
    await asUser(browser, member, async (page) => {
      await page.goto(`/pokja/pembukaan/${tender.id}`);
      await page.getByLabel("Kata sandi pembukaan").fill(DEMO_OPENING_PASSPHRASE);
      await page.getByRole("button", { name: "Setujui pembukaan" }).click();
      await expect(page.getByText(`${i + 1} dari 2 persetujuan yang diperlukan`)).toBeVisible();
    });
  }
  await expect
    .poll(
      async () => (await sql(`SELECT 1 FROM "Tender" WHERE id = $1 AND "openedAt" IS NOT NULL`, [tender.id])).length,
    )
    .toBe(1);
  // once the bids are opened, the public learns how many came in
  const onlooker = await (await browser.newContext()).newPage();
  await onlooker.goto(`/tender/${TENDER}`);
  // within the public page cache's window (docs/decisions/0016)
  await reloadUntil(onlooker, () =>
    expect(onlooker.getByTestId("bid-count")).toHaveText("3 penawaran masuk.", { timeout: 1000 }),
  );
  const opened = await sql<{ vendor: string; price: string }>(
    `SELECT v.name AS vendor, b."openedPrice"::text AS price FROM "Bid" b JOIN "Vendor" v ON v.id = b."vendorId" WHERE b."tenderId" = $1 AND b.status = 'SUBMITTED' ORDER BY v.name`,
    [tender.id],
  );
  expect(opened).toEqual(
    BIDS.map((b) => ({ vendor: b.company, price: b.price.replaceAll(".", "") })).sort((a, b) =>
      a.vendor.localeCompare(b.vendor),
    ),
  );
  // the Pokja's tender page lists the participants and, now that they are opened, the bids
  await asUser(browser, "pokja1.sulsel@segel.test", async (page) => {
    await page.goto(`/pokja/tender/${tender.id}`);
    await expect(page.getByTestId("submitted-count")).toHaveText("3 penawaran masuk.");
    for (const bid of BIDS) await expect(page.getByTestId("participants").getByText(bid.company).first()).toBeVisible();
  });
  // the Berita Acara Pembukaan is a PDF the bidders can fetch
  const [ba] = await sql<{ id: string }>(`SELECT id FROM "Document" WHERE "tenderId" = $1 AND kind = 'BERITA_ACARA'`, [
    tender.id,
  ]);
  await asUser(browser, BIDS[1]!.email, async (page) => {
    const response = await page.request.get(`/api/documents/${ba!.id}`);
    expect(response.status()).toBe(200);
    const body = await response.body();
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    writeFileSync(path.join(test.info().outputDir, "berita-acara-pembukaan.pdf"), body);
  });

  // Evaluation by the Pokja: one matrix per stage with every bidder, then ranking, pembuktian, penetapan.
  await asUser(browser, "pokja1.sulsel@segel.test", async (page) => {
    const bids = await sql<{ id: string }>(`SELECT id FROM "Bid" WHERE "tenderId" = $1 AND status = 'SUBMITTED'`, [
      tender.id,
    ]);
    const decided = async (id: string, stage: string) =>
      (await sql(`SELECT 1 FROM "Evaluation" WHERE "bidId" = $1 AND stage = $2::"EvaluationStage"`, [id, stage]))
        .length;
    for (const stage of ["Administrasi", "Kualifikasi", "Teknis", "Harga"]) {
      // the desk opens on the stage still to decide, with every bidder in it
      await page.goto(`/pokja/evaluasi/${tender.id}`);
      await expect(page.getByRole("heading", { name: `Evaluasi tahap ${stage}` })).toBeVisible();
      for (const { id } of bids) {
        const row = page.getByTestId(`row-${id}`);
        await checkSurely(row.getByLabel("Lulus", { exact: true }));
        await row.getByLabel("Alasan").fill(`Memenuhi syarat tahap ${stage.toLowerCase()} sesuai dokumen pemilihan.`);
        await row.getByRole("button", { name: "Simpan evaluasi" }).click();
        await expect.poll(() => decided(id, stage.toUpperCase())).toBe(1);
        // the row now shows the saved decision, and its form starts from it
        await expect(
          row.getByText(`Memenuhi syarat tahap ${stage.toLowerCase()} sesuai dokumen pemilihan.`).first(),
        ).toBeVisible();
      }
    }
    // saving a row again unchanged re-decides nothing
    const first = page.getByTestId(`row-${bids[0]!.id}`);
    await first.getByRole("button", { name: "Simpan evaluasi" }).click();
    await expect(first.getByRole("status")).toHaveText("Evaluasi tersimpan.");
    const changed = await sql(`SELECT 1 FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'evaluation.changed'`, [
      tender.id,
    ]);
    expect(changed).toHaveLength(0);
    // the bid above HPS failed at the price stage although the Pokja marked it as passing
    const above = await sql<{ passed: boolean }>(
      `SELECT e.passed FROM "Evaluation" e JOIN "Bid" b ON b.id = e."bidId" JOIN "Vendor" v ON v.id = b."vendorId" WHERE b."tenderId" = $1 AND v.name = $2 AND e.stage = 'HARGA'`,
      [tender.id, BIDS[2]!.company],
    );
    expect(above).toEqual([{ passed: false }]);

    await page.reload();
    await page.getByRole("button", { name: "Hitung peringkat" }).click();
    await expect
      .poll(
        async () => (await sql(`SELECT 1 FROM "Bid" WHERE "tenderId" = $1 AND rank IS NOT NULL`, [tender.id])).length,
      )
      .toBe(2);
    // pembuktian for every ranked bid (the winner and the reserves)
    const ranked = await proveRankedBids(page, tender.id);
    expect(ranked.map((r) => r.vendor)).toEqual([BIDS[0]!.company, BIDS[1]!.company]);
    // penetapan by the Pokja as a body: one member proposes, the proposal counts as one of
    // the two approvals a Pokja of three needs, and the winner is not set until then
    await proposeWinner(page, tender.id);
    expect((await sql(`SELECT 1 FROM "Tender" WHERE id = $1 AND "awardedAt" IS NULL`, [tender.id])).length).toBe(1);
  });
  await asUser(browser, "pokja2.sulsel@segel.test", async (page) => {
    await approveWinnerProposal(page, tender.id);
    // the approval that makes the majority adopts the proposal: its form gives way to the badge
    await expect(page.getByTestId("winner-proposals").getByText("Ditetapkan", { exact: true })).toBeVisible();
  });
  await expect
    .poll(
      async () => (await sql(`SELECT 1 FROM "Tender" WHERE id = $1 AND "winnerBidId" IS NOT NULL`, [tender.id])).length,
    )
    .toBe(1);
  // the Berita Acara Hasil Pemilihan lies beside the BA Pembukaan, for the bidders too
  const [bahp] = await sql<{ id: string }>(
    `SELECT "beritaAcaraId" AS id FROM "WinnerProposal" WHERE "tenderId" = $1 AND "adoptedAt" IS NOT NULL`,
    [tender.id],
  );
  await asUser(browser, BIDS[1]!.email, async (page) => {
    const response = await page.request.get(`/api/documents/${bahp!.id}`);
    expect(response.status()).toBe(200);
    const body = await response.body();
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    writeFileSync(path.join(test.info().outputDir, "berita-acara-hasil-pemilihan.pdf"), body);
  });
  await asUser(browser, "pokja1.sulsel@segel.test", async (page) => {
    await page.goto(`/pokja/evaluasi/${tender.id}`);
    await page.getByRole("button", { name: "Umumkan pemenang" }).click();
    await expect.poll(async () => (await tenderRow(TENDER)).status).toBe("AWARDED");
  });

  // The public sees the winner and the corrected price, and now every bidder by name.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/tender/${TENDER}/pemenang`);
  await expect(visitor.getByText(BIDS[0]!.company).first()).toBeVisible();
  await expect(visitor.getByText(`Rp${BIDS[0]!.price}`).first()).toBeVisible();
  await expect(visitor.getByText(BIDS[2]!.company).first()).toBeVisible();
  // the winner page says until when a sanggah may be filed (announcement + 5 days) ...
  await expect(visitor.getByTestId("sanggah-ends")).toContainText("menyampaikan sanggah sampai");
  // ... and the announcement no longer invites anyone to take part
  await visitor.goto(`/tender/${TENDER}`);
  await reloadUntil(visitor, () =>
    expect(visitor.getByRole("link", { name: "Lihat pemenang dan hasil evaluasi" })).toBeVisible({ timeout: 1000 }),
  );
  await visitor.waitForLoadState("networkidle");
  await expect(visitor.getByText("ikut tender ini")).toHaveCount(0);

  // A loser objects within the window; the Pokja answers.
  await asUser(browser, BIDS[1]!.email, async (page) => {
    await page.goto(`/penyedia/sanggah/${tender.id}`);
    await page
      .getByLabel("Isi sanggah")
      .fill("Harga pemenang tidak wajar untuk obat generik; mohon evaluasi ulang kewajaran harga.");
    await page.getByRole("button", { name: "Kirim sanggah" }).click();
    await expect(page.getByRole("heading", { name: "Sanggah Anda" })).toBeVisible();
    await expect(page.getByText("Belum dijawab")).toBeVisible();
  });
  await asUser(browser, "pokja1.sulsel@segel.test", async (page) => {
    await page.goto(`/pokja/sanggah/${tender.id}`);
    await page.getByLabel("Ditolak").check();
    await page
      .getByLabel("Jawaban sanggah")
      .fill("Harga telah diklarifikasi dan wajar; daftar harga distributor dilampirkan pada evaluasi.");
    await page.getByRole("button", { name: "Kirim jawaban sanggah" }).click();
    await expect
      .poll(
        async () =>
          (
            await sql(
              `SELECT 1 FROM "Sanggah" WHERE "tenderId" = $1 AND "answeredAt" IS NOT NULL AND "decision" = 'REJECTED'`,
              [tender.id],
            )
          ).length,
      )
      .toBe(1);
  });

  // The SPPBJ waits for the window to close; five days later the PPK issues it.
  await asUser(browser, "ppk.sulsel@segel.test", async (page) => {
    await page.goto(`/ppk/sppbj/${tender.id}`);
    await expect(page.getByText("SPPBJ belum dapat diterbitkan:")).toBeVisible();
  });
  await advanceClock(5 * DAY + 60_000);
  await asUser(browser, "ppk.sulsel@segel.test", async (page) => {
    await page.goto(`/ppk/sppbj/${tender.id}`);
    await page.getByRole("button", { name: "Terbitkan SPPBJ" }).click();
    await expect.poll(async () => (await tenderRow(TENDER)).status).toBe("COMPLETED");
    const [letter] = await sql<{ id: string }>(`SELECT id FROM "Document" WHERE "tenderId" = $1 AND kind = 'SPPBJ'`, [
      tender.id,
    ]);
    const pdf = await (await page.request.get(`/api/documents/${letter!.id}`)).body();
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    writeFileSync(path.join(test.info().outputDir, "sppbj.pdf"), pdf);
  });
  const trail = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1 ORDER BY seq`, [
    tender.id,
  ]);
  expect(trail.map((e) => e.action)).toEqual(
    expect.arrayContaining([
      "tender.opened",
      "winnerProposal.proposed",
      "winnerProposal.approved",
      "tender.winnerSet",
      "tender.winnerAnnounced",
      "sppbj.issued",
    ]),
  );
});

test("a tender nobody bids on is extended once, fails, and is tendered again", async ({ browser }) => {
  test.setTimeout(180_000);
  const code = "2026000001"; // seeded: Rehabilitasi Bendung Katulampa, upload open, nobody bids
  const first = await tenderRow(code);
  const extensions = async () =>
    (await sql<{ n: number }>(`SELECT "deadlineExtensions" AS n FROM "Tender" WHERE code = $1`, [code]))[0]!.n;
  // Once the deadline passes with no bid the worker extends it, by itself, once. (The
  // clock may already have passed it in the journey before; either way nobody acted.)
  if ((await extensions()) === 0) await passBeyond(first.deadline);
  await expect.poll(extensions, { timeout: 20_000 }).toBe(1);
  const extended = await sql<{ by: string | null }>(
    `SELECT "changedById"::text AS by FROM "ScheduleChange" WHERE "tenderId" = $1`,
    [first.id],
  );
  expect(extended.length).toBeGreaterThan(0);
  expect(extended.every((c) => c.by === null)).toBe(true);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/tender/${code}`);
  await reloadUntil(visitor, () =>
    expect(visitor.getByTestId("schedule-changes")).toContainText("diperpanjang satu kali", { timeout: 1000 }),
  );

  await passBeyond((await tenderRow(code)).deadline);
  await expect.poll(async () => (await tenderRow(code)).status, { timeout: 20_000 }).toBe("FAILED");
  await reloadUntil(visitor, () =>
    expect(visitor.getByRole("status").filter({ hasText: "Tidak ada penawaran yang masuk" })).toBeVisible({
      timeout: 1000,
    }),
  );

  await asUser(browser, "pokja1.pu@segel.test", async (page) => {
    await page.goto(`/pokja/tender/${first.id}`);
    await page.getByRole("button", { name: "Buat tender ulang" }).click();
    await expect
      .poll(
        async () =>
          (await sql(`SELECT 1 FROM "Tender" WHERE "previousTenderId" = $1 AND status = 'DRAFT'`, [first.id])).length,
      )
      .toBe(1);
  });
});
