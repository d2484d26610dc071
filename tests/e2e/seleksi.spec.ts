import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { asUser, sendBid, sql, uploadBidFiles } from "./helpers";

// A consultancy seleksi in the browser, from prakualifikasi to the shortlist's two-file bids:
// four firms apply with their qualification forms, the Pokja decides each beside the
// requirements and announces a shortlist of three, the fourth firm is refused at the bid page,
// and the three bid (administrasi, kualifikasi, teknis, harga, the qualification form, the
// pakta integritas). NOT YET HERE (issue 15's journey continues): the two openings, technical
// scoring, negotiation, award and SPPBJ; the first opening's approval did not confirm in the
// browser on the last run (see the report of 7 December). The seeded seleksi 2026000014 (Kabupaten Jayapura, kualitas dan
// biaya, in its PRAKUALIFIKASI stage: prisma/seed/demo-procurement-15.ts) is this journey's own.
// Time passes by moving this tender's stage windows back (all of them together, so their order
// and gaps stay as announced), never the shared clock.

const TENDER = "2026000014";
const POKJA = ["pokja1.jayapura@segel.test", "pokja2.jayapura@segel.test"] as const;
/** Three firms pass prakualifikasi; the fourth does not and may not bid. */
const APPLICANTS = [
  { email: "penyedia5@segel.test", passed: true, score: "88", price: "1.365.000.000" },
  { email: "penyedia1@segel.test", passed: true, score: "80", price: "1.310.000.000" },
  { email: "penyedia3@segel.test", passed: true, score: "75.5", price: "1.298.000.000" },
  { email: "penyedia4@segel.test", passed: false, score: "40", price: null },
] as const;
const SHORTLIST = APPLICANTS.filter((a) => a.passed);
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
 * have ended), and lets the schedule worker look at the tender now.
 */
async function enterStage(tenderId: string, kind: string) {
  await sql(
    `UPDATE "TenderStage" s SET "startsAt" = s."startsAt" - d.shift, "endsAt" = s."endsAt" - d.shift
     FROM (SELECT "startsAt" - segel_now() + interval '1 minute' AS shift FROM "TenderStage"
           WHERE "tenderId" = $1 AND kind = $2::"StageKind") d
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

test("a consultancy seleksi: prakualifikasi, the shortlist, and only the shortlist bids in two files", async ({
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
      await card.getByLabel(a.passed ? "Lulus" : "Tidak lulus", { exact: true }).check();
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
});
