import type { Browser, Page } from "@playwright/test";
import { DEMO_OPENING_PASSPHRASE } from "../../prisma/seed/demo-people";
import { approveWinnerProposal, proposeWinner, saveEvaluation } from "./award-steps";
import { expect, test } from "./fixtures";
import { asUser, checkSurely, sendBid, sql, uploadBidFiles } from "./helpers";

// A consultancy seleksi from prakualifikasi through the two-file opening and negotiation to
// the SPPBJ, in the browser: four firms apply, three are shortlisted and bid in two files; the
// first envelope opens by k of n with the prices sealed; the technical scores meet the passing
// grade for two (the third stays below it and its price stays sealed at the price opening); the
// first-ranked agrees a lower price in negotiation, and that price is the SPPBJ's. The seeded
// seleksi 2026000014 (Kabupaten Jayapura, kualitas dan biaya, in its PRAKUALIFIKASI stage:
// prisma/seed/demo-procurement-15.ts) is this journey's own.
// Time passes by moving this tender's stage windows back (all of them together, so their order
// and gaps stay as announced), never the shared clock.

const TENDER = "2026000014";
const POKJA = ["pokja1.jayapura@segel.test", "pokja2.jayapura@segel.test"] as const;
const PPK = "ppk.jayapura@segel.test";
/** Three firms pass prakualifikasi; the fourth does not and may not bid. (Not penyedia5: the
 * foundation journey disables that account in the shared database.) */
const APPLICANTS = [
  { email: "penyedia2@segel.test", passed: true, score: "88", technical: "86", price: "1.365.000.000" },
  { email: "penyedia1@segel.test", passed: true, score: "80", technical: "78", price: "1.310.000.000" },
  // below the technical passing grade (70, the procedure's nilai ambang batas)
  { email: "penyedia3@segel.test", passed: true, score: "75.5", technical: "65", price: "1.298.000.000" },
  { email: "penyedia4@segel.test", passed: false, score: "40", technical: null, price: null },
] as const;
const SHORTLIST = APPLICANTS.filter((a) => a.passed);
const GRADE = 70;
const TECHNICAL_PASS = SHORTLIST.filter((a) => Number(a.technical) >= GRADE);
/** under both passing offers, so whichever ranks first may agree it */
const AGREED = "1.290.000.000";
// a step whose element never comes fails in time, not at the journey's timeout
test.use({ actionTimeout: 30_000 });

const tenderRow = async () =>
  (
    await sql<{ id: string; status: string; shortlisted: boolean }>(
      `SELECT id, status::text, "shortlistAnnouncedAt" IS NOT NULL AS shortlisted FROM "Tender" WHERE code = $1`,
      [TENDER],
    )
  )[0]!;
const vendorName = async (email: string) =>
  (
    await sql<{ name: string }>(
      `SELECT v.name FROM "Vendor" v JOIN "User" u ON u."vendorId" = v.id WHERE u.email = $1`,
      [email],
    )
  )[0]!.name;

/**
 * Moves every stage of the tender back so that `kind` began a minute ago (the earlier ones
 * have ended), and lets the schedule worker look at the tender now. The winner's announcement,
 * once made, moves back with them: the SPPBJ waits for the sanggah window counted from it,
 * not from the timetable, so the tender's times stay in the order they happened.
 */
async function enterStage(tenderId: string, kind: string) {
  const shift = `(SELECT "startsAt" - segel_now() + interval '1 minute' FROM "TenderStage"
                  WHERE "tenderId" = $1 AND kind = $2::"StageKind")`;
  await sql(`UPDATE "Tender" SET "announcedAt" = "announcedAt" - ${shift} WHERE id = $1`, [tenderId, kind]);
  await sql(
    `UPDATE "TenderStage" s SET "startsAt" = s."startsAt" - ${shift}, "endsAt" = s."endsAt" - ${shift}
     WHERE s."tenderId" = $1`,
    [tenderId, kind],
  );
  await sql(`UPDATE "Tender" SET "nextCheckAt" = segel_now() WHERE id = $1`, [tenderId]);
}

/** Ticks every offered entry of the qualification form (the profile's permits, experience, experts). */
async function fillQualification(page: Page) {
  await expect(page.getByRole("checkbox").first()).toBeVisible();
  for (const box of await page.getByRole("checkbox").all()) await box.check();
}

/**
 * Each member gives the opening passphrase (k of n) on the opening desk, once the schedule
 * worker has moved the tender to the stage (it looks every few seconds, so the desk is reloaded).
 * The member's approval is confirmed by their own line "(Anda)" in that opening's list of
 * approvals: the form itself leaves the page once the approval is recorded (the page is
 * revalidated and the member may no longer approve), so its "tercatat" text never stays.
 */
async function approve(browser: Browser, tenderId: string, price: boolean) {
  const button = price ? "Setujui pembukaan harga" : "Setujui pembukaan";
  for (const member of POKJA)
    await asUser(browser, member, async (page) => {
      const desk = price
        ? page.getByRole("region", { name: "Pembukaan harga (sampul kedua)" })
        : page.getByRole("heading", { name: "Pembukaan penawaran (sampul pertama)" }).locator("..");
      await expect(async () => {
        await page.goto(`/pokja/pembukaan/${tenderId}`);
        await expect(desk.getByLabel("Kata sandi pembukaan")).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 120_000, intervals: [3_000] });
      await desk.getByLabel("Kata sandi pembukaan").fill(DEMO_OPENING_PASSPHRASE);
      await desk.getByRole("button", { name: button, exact: true }).click();
      await expect(desk.getByRole("listitem").filter({ hasText: "(Anda)" })).toBeVisible();
    });
}

/** The Pokja's decision on one evaluation stage for the given bids, each row found by its bid's id. */
async function evaluateStage(
  page: Page,
  tenderId: string,
  stage: string,
  bids: { id: string; passed: boolean; score?: string }[],
) {
  await page.goto(`/pokja/evaluasi/${tenderId}`);
  await expect(page.getByRole("heading", { name: `Evaluasi tahap ${stage}` })).toBeVisible();
  for (const { id, passed, score } of bids) {
    const row = page.getByTestId(`row-${id}`);
    await checkSurely(row.getByLabel(passed ? "Lulus" : "Gugur", { exact: true }));
    if (score) await row.getByLabel("Nilai teknis (0-100)").fill(score);
    await row
      .getByLabel("Alasan")
      .fill(
        passed
          ? `Memenuhi syarat tahap ${stage.toLowerCase()} sesuai dokumen pemilihan.`
          : "Metodologi dan tenaga ahli tidak memenuhi nilai ambang batas teknis.",
      );
    await saveEvaluation(row, id, stage);
  }
}

test("a consultancy seleksi from prakualifikasi through two files and negotiation to the SPPBJ", async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const { id: tenderId } = await tenderRow();

  // Prakualifikasi: four firms apply with the qualification form from their verified profiles.
  for (const a of APPLICANTS)
    await asUser(browser, a.email, async (page) => {
      await page.goto(`/penyedia/tender/${tenderId}/prakualifikasi`);
      await fillQualification(page);
      await page.getByRole("button", { name: "Kirim permohonan prakualifikasi" }).click();
      await expect(page.getByText("Permohonan prakualifikasi terkirim.")).toBeVisible();
    });

  // The stage ends; the Pokja decides each application beside its requirements and announces.
  await enterStage(tenderId, "PENGUMUMAN_HASIL_PRAKUALIFIKASI");
  await asUser(browser, POKJA[0], async (page) => {
    await page.goto(`/pokja/tender/${tenderId}/prakualifikasi`);
    for (const a of APPLICANTS) {
      const card = page.getByRole("heading", { name: await vendorName(a.email) }).locator("..");
      await checkSurely(card.getByLabel(a.passed ? "Lulus" : "Tidak lulus", { exact: true }));
      await card.getByLabel("Nilai (0-100)").fill(a.score);
      await card
        .getByLabel("Alasan")
        .fill(
          a.passed ? "Memenuhi seluruh persyaratan kualifikasi." : "Pengalaman sejenis tidak memenuhi nilai minimal.",
        );
      await card.getByRole("button", { name: "Simpan keputusan" }).click();
      await expect(card.getByText("Keputusan tersimpan.")).toBeVisible();
    }
    await page.getByRole("button", { name: "Tetapkan dan umumkan hasil prakualifikasi" }).click();
    await expect.poll(async () => (await tenderRow()).shortlisted).toBe(true);
    await page.reload();
    await expect(page.getByText(/^Hasil diumumkan/)).toBeVisible();
    await expect(page.getByText("(Daftar pendek)")).toHaveCount(SHORTLIST.length);
  });

  // The sanggah prakualifikasi passes with none; the shortlist bids in two files.
  await enterStage(tenderId, "UPLOAD_PENAWARAN");
  // the firm not on the shortlist is refused at the bid page, and no bid of it exists
  await asUser(browser, APPLICANTS[3].email, async (page) => {
    await page.goto(`/penyedia/penawaran/${tenderId}`);
    await expect(
      page.getByText("Halaman ini hanya untuk penyedia terverifikasi yang terdaftar sebagai peserta"),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Kirim penawaran" })).toHaveCount(0);
  });
  for (const a of SHORTLIST)
    await asUser(browser, a.email, async (page) => {
      await uploadBidFiles(page, TENDER, a.price!, ["Administrasi", "Kualifikasi", "Teknis", "Harga"]);
      await fillQualification(page);
      await sendBid(page, a.price!);
    });
  const vendorIdOf = async (email: string) =>
    (await sql<{ id: string }>(`SELECT "vendorId" AS id FROM "User" WHERE email = $1`, [email]))[0]!.id;
  const bidOf = async (email: string) =>
    (
      await sql<{ id: string }>(
        `SELECT id FROM "Bid" WHERE "tenderId" = $1 AND "vendorId" = $2 AND status = 'SUBMITTED'`,
        [tenderId, await vendorIdOf(email)],
      )
    )[0]!.id;
  // three sealed bids, each with its sealed qualification form and the pact, no price opened
  expect(
    await sql(
      `SELECT 1 FROM "Bid" WHERE "tenderId" = $1 AND status = 'SUBMITTED' AND "sealedQualification" IS NOT NULL
         AND "integrityPactAt" IS NOT NULL AND "openedPrice" IS NULL`,
      [tenderId],
    ),
  ).toHaveLength(SHORTLIST.length);
  expect(
    await sql(`SELECT 1 FROM "Bid" WHERE "tenderId" = $1 AND "vendorId" = $2`, [
      tenderId,
      await vendorIdOf(APPLICANTS[3].email),
    ]),
  ).toHaveLength(0);

  const bids = new Map<string, string>();
  for (const a of SHORTLIST) bids.set(a.email, await bidOf(a.email));
  const openedPrices = async () =>
    sql<{ id: string; price: string }>(
      `SELECT id, "openedPrice"::text AS price FROM "Bid" WHERE "tenderId" = $1 AND "openedPrice" IS NOT NULL ORDER BY id`,
      [tenderId],
    );

  // The first envelope opens by k of n; the price stays sealed.
  await enterStage(tenderId, "PEMBUKAAN");
  await approve(browser, tenderId, false);
  await expect
    .poll(async () => (await sql(`SELECT 1 FROM "Tender" WHERE id = $1 AND "openedAt" IS NOT NULL`, [tenderId])).length)
    .toBe(1);
  expect(await openedPrices()).toEqual([]);
  await asUser(browser, POKJA[0], async (page) => {
    await page.goto(`/pokja/pembukaan/${tenderId}`);
    // each opened bid's price is shown as its sealed envelope, not a figure
    await expect(page.getByText("Sampul harga (dibuka pada pembukaan harga)").first()).toBeVisible();
    for (const a of SHORTLIST) await expect(page.getByText(a.price)).toHaveCount(0);
  });

  // Administrasi, kualifikasi and the technical score against the passing grade, before any price is seen.
  await enterStage(tenderId, "EVALUASI");
  await asUser(browser, POKJA[0], async (page) => {
    const all = SHORTLIST.map((a) => ({ id: bids.get(a.email)!, passed: true }));
    await evaluateStage(page, tenderId, "Administrasi", all);
    await evaluateStage(page, tenderId, "Kualifikasi", all);
    // the Pokja scores the technical files with every price still sealed
    await page.goto(`/pokja/evaluasi/${tenderId}`);
    await expect(page.getByText("Harga masih tersegel").first()).toBeVisible();
    for (const a of SHORTLIST) await expect(page.getByText(a.price)).toHaveCount(0);
    await evaluateStage(
      page,
      tenderId,
      "Teknis",
      SHORTLIST.map((a) => ({
        id: bids.get(a.email)!,
        passed: Number(a.technical) >= GRADE,
        score: a.technical,
      })),
    );
  });
  expect(
    await sql<{ passed: boolean }>(`SELECT passed FROM "Evaluation" WHERE "bidId" = $1 AND stage = 'TEKNIS'`, [
      bids.get(APPLICANTS[2].email),
    ]),
  ).toEqual([{ passed: false }]);

  // The price envelopes of those who passed the grade open by k of n; the other stays sealed.
  await enterStage(tenderId, "PEMBUKAAN_HARGA");
  await approve(browser, tenderId, true);
  await expect.poll(async () => (await openedPrices()).length).toBe(TECHNICAL_PASS.length);
  expect(await openedPrices()).toEqual(
    TECHNICAL_PASS.map((a) => ({ id: bids.get(a.email)!, price: a.price.replaceAll(".", "") })).sort((x, y) =>
      x.id < y.id ? -1 : 1,
    ),
  );
  const belowGrade = await vendorName(APPLICANTS[2].email);
  await asUser(browser, POKJA[0], async (page) => {
    await page.goto(`/pokja/pembukaan/${tenderId}`);
    const desk = page.getByRole("region", { name: "Pembukaan harga (sampul kedua)" });
    await expect(desk.getByText(/^Sampul harga dibuka pada/)).toBeVisible();
    await expect(desk.getByRole("listitem").filter({ hasText: belowGrade })).toBeVisible();
    await expect(desk.getByText(APPLICANTS[2].price)).toHaveCount(0);
  });

  // The price is evaluated, the bids ranked, and the first negotiated to an agreed price.
  await enterStage(tenderId, "EVALUASI_HARGA");
  await asUser(browser, POKJA[0], async (page) => {
    await evaluateStage(
      page,
      tenderId,
      "Harga",
      TECHNICAL_PASS.map((a) => ({ id: bids.get(a.email)!, passed: true })),
    );
    await page.reload();
    await page.getByRole("button", { name: "Hitung peringkat" }).click();
    await expect
      .poll(
        async () => (await sql(`SELECT 1 FROM "Bid" WHERE "tenderId" = $1 AND rank IS NOT NULL`, [tenderId])).length,
      )
      .toBe(TECHNICAL_PASS.length);
  });
  const first = (await sql<{ id: string }>(`SELECT id FROM "Bid" WHERE "tenderId" = $1 AND rank = 1`, [tenderId]))[0]!
    .id;
  await enterStage(tenderId, "KLARIFIKASI_NEGOSIASI");
  await asUser(browser, POKJA[0], async (page) => {
    await page.goto(`/pokja/evaluasi/${tenderId}`);
    const panel = page.getByRole("heading", { name: "Klarifikasi dan negosiasi" }).locator("..");
    await panel.getByLabel("Sepakat", { exact: true }).check();
    await panel.getByLabel("Harga hasil negosiasi (Rp)").fill(AGREED);
    await panel
      .getByLabel("Berita acara klarifikasi dan negosiasi")
      .fill("Klarifikasi teknis dan negosiasi biaya personel; disepakati harga di bawah penawaran.");
    await panel.getByRole("button", { name: "Simpan hasil negosiasi" }).click();
    await expect(page.getByText(/^Negosiasi disepakati dengan/)).toBeVisible();
  });
  expect(
    await sql(
      `SELECT "bidId", "agreedPrice"::text AS price FROM "Negotiation" WHERE "tenderId" = $1 AND outcome = 'AGREED'`,
      [tenderId],
    ),
  ).toEqual([{ bidId: first, price: AGREED.replaceAll(".", "") }]);

  // Penetapan by the Pokja's majority and the announcement; the sanggah passes; the PPK's SPPBJ.
  await enterStage(tenderId, "PENETAPAN_PEMENANG");
  // no pembuktian step: the firms proved their qualification in the prakualifikasi, and the page says so
  await asUser(browser, POKJA[0], async (page) => {
    await page.goto(`/pokja/evaluasi/${tenderId}`);
    await expect(page.getByText(/pembuktiannya adalah hasil prakualifikasi/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Simpan pembuktian" })).toHaveCount(0);
    await proposeWinner(page, tenderId);
  });
  expect(await sql(`SELECT 1 FROM "Evaluation" WHERE "tenderId" = $1 AND stage = 'PEMBUKTIAN'`, [tenderId])).toEqual(
    [],
  );
  await asUser(browser, POKJA[1], (page) => approveWinnerProposal(page, tenderId));
  expect(
    (await sql<{ winner: string }>(`SELECT "winnerBidId" AS winner FROM "Tender" WHERE id = $1`, [tenderId]))[0]!
      .winner,
  ).toBe(first);
  await enterStage(tenderId, "PENGUMUMAN_PEMENANG");
  await asUser(browser, POKJA[0], async (page) => {
    await page.goto(`/pokja/evaluasi/${tenderId}`);
    await page.getByRole("button", { name: "Umumkan pemenang" }).click();
    await expect.poll(async () => (await tenderRow()).status).toBe("AWARDED");
  });
  await enterStage(tenderId, "PENUNJUKAN_PEMENANG");
  await asUser(browser, PPK, async (page) => {
    await page.goto(`/ppk/sppbj/${tenderId}`);
    await page.getByRole("button", { name: "Terbitkan SPPBJ" }).click();
    await expect.poll(async () => (await tenderRow()).status).toBe("COMPLETED");
  });
  // the SPPBJ was issued for the negotiated first at the agreed price, not its offer
  expect(
    await sql(
      `SELECT data->>'winnerBidId' AS winner, data->>'price' AS price FROM "AuditEvent"
       WHERE "entityId" = $1 AND data ? 'letterNumber' AND data ? 'price'`,
      [tenderId],
    ),
  ).toEqual([{ winner: first, price: AGREED.replaceAll(".", "") }]);
});
