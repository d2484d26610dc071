import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { DEMO_OPENING_PASSPHRASE } from "../../../prisma/seed/demo-people";
import { SUBMIT_GRACE_MS } from "../../../src/modules/bids/domain/bid-rules";
import {
  asUser,
  advanceClock,
  checkSurely,
  joinTender,
  reloadUntil,
  signIn,
  signOut,
  sql,
  submitBid,
} from "../helpers";
import { createPaket, handOver, opensNow, setUpAndPublish } from "../tender-setup";
import { approveWinnerProposal, proposeWinner, proveRankedBids, saveEvaluation } from "../award-steps";

// An accepted sanggah leads somewhere legal (Perpres 16/2018 jo. 12/2021 Pasal 50): the
// award is withdrawn, the Pokja re-evaluates from the stage the objection concerns, a new
// winner is set and announced (a new masa sanggah), and the PPK issues the SPPBJ. Moves
// the database clock, so it runs with the time-travel journeys.

const DAY = 86_400_000;
const FIRST = { email: "penyedia1@segel.test", company: "PT Karya Bangun Nusantara", price: "880.000.000" };
const SECOND = { email: "penyedia3@segel.test", company: "PT Papua Cipta Konstruksi", price: "905.000.000" };
const POKJA = ["pokja1.jayapura@segel.test", "pokja2.jayapura@segel.test"];

const tenderOf = async (code: string) =>
  (
    await sql<{ id: string; status: string; winner: string | null; deadline: Date }>(
      `SELECT t.id, t.status::text, v.name AS winner, s."endsAt" AS deadline FROM "Tender" t
     JOIN "TenderStage" s ON s."tenderId" = t.id AND s.kind = 'UPLOAD_PENAWARAN'
     LEFT JOIN "Bid" b ON b.id = t."winnerBidId" LEFT JOIN "Vendor" v ON v.id = b."vendorId" WHERE t.code = $1`,
      [code],
    )
  )[0]!;

const bidsOf = (tenderId: string) =>
  sql<{ id: string; vendor: string }>(
    `SELECT b.id, v.name AS vendor FROM "Bid" b JOIN "Vendor" v ON v.id = b."vendorId" WHERE b."tenderId" = $1 AND b.status = 'SUBMITTED' ORDER BY v.name`,
    [tenderId],
  );

/** On the evaluation desk: decides `stage` for each bid as given (true: Lulus), waiting for each row to be stored. */
async function decideStage(page: Page, tenderId: string, stage: string, verdicts: Record<string, boolean>) {
  await page.goto(`/pokja/evaluasi/${tenderId}?tahap=${stage.toLowerCase()}`);
  await expect(page.getByRole("heading", { name: `Evaluasi tahap ${stage}` })).toBeVisible();
  for (const { id, vendor } of await bidsOf(tenderId)) {
    if (!(vendor in verdicts)) continue;
    const row = page.getByTestId(`row-${id}`);
    await checkSurely(row.getByLabel(verdicts[vendor] ? "Lulus" : "Gugur", { exact: true }));
    await row
      .getByLabel("Alasan")
      .fill(
        verdicts[vendor]
          ? `Memenuhi syarat tahap ${stage.toLowerCase()} sesuai dokumen pemilihan.`
          : "Setelah evaluasi ulang, harga tidak memenuhi ketentuan.",
      );
    await saveEvaluation(row, id, stage);
  }
}

/** Ranking, pembuktian of every ranked bid, penetapan by two of three members, announcement. */
async function rankProveAwardAnnounce(browser: Browser, tenderId: string) {
  await asUser(browser, POKJA[0]!, async (page) => {
    await page.goto(`/pokja/evaluasi/${tenderId}`);
    await page.getByRole("button", { name: "Hitung peringkat" }).click();
    await expect
      .poll(
        async () => (await sql(`SELECT 1 FROM "Bid" WHERE "tenderId" = $1 AND rank IS NOT NULL`, [tenderId])).length,
      )
      .toBeGreaterThan(0);
    await proveRankedBids(page, tenderId);
    await proposeWinner(page, tenderId);
  });
  // (the desk also lists the proposal adopted before the award was withdrawn)
  await asUser(browser, POKJA[1]!, (page) => approveWinnerProposal(page, tenderId));
  await asUser(browser, POKJA[0]!, async (page) => {
    await page.goto(`/pokja/evaluasi/${tenderId}`);
    await page.getByRole("button", { name: "Umumkan pemenang" }).click();
    await expect
      .poll(async () => (await sql(`SELECT status::text AS s FROM "Tender" WHERE id = $1`, [tenderId]))[0]!.s)
      .toBe("AWARDED");
  });
}

test("a sanggah accepted: the award withdrawn, evaluasi ulang from harga, a new winner announced, the SPPBJ issued", async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  const name = `Pengadaan Alat Tulis Kantor Distrik ${Date.now().toString().slice(-6)}`;
  await signIn(page, "ppk.jayapura@segel.test");
  await createPaket(page, {
    name,
    category: "BARANG",
    pagu: "950.000.000",
    unitPrice: "925.500.000",
    method: /Tender/,
  });
  const code = (await handOver(page, "Pokja Pemilihan"))!;
  await signOut(page);
  await signIn(page, POKJA[0]!);
  await setUpAndPublish(page, code);
  await opensNow(code, "UPLOAD_PENAWARAN");
  for (const bid of [FIRST, SECOND]) {
    await asUser(browser, bid.email, async (vendor) => {
      await joinTender(vendor, code);
      await submitBid(vendor, code, bid.price);
    });
  }

  // The deadline passes; two members open; every stage is decided for both bids.
  const tender = await tenderOf(code);
  const [clock] = await sql<{ now: Date }>(`SELECT segel_now() AS now`);
  await advanceClock(Math.max(0, tender.deadline.getTime() + SUBMIT_GRACE_MS + 60_000 - clock!.now.getTime()));
  await expect.poll(async () => (await tenderOf(code)).status, { timeout: 20_000 }).toBe("EVALUATION");
  for (const [i, member] of POKJA.entries()) {
    await asUser(browser, member, async (p) => {
      await p.goto(`/pokja/pembukaan/${tender.id}`);
      await p.getByLabel("Kata sandi pembukaan").fill(DEMO_OPENING_PASSPHRASE);
      await p.getByRole("button", { name: "Setujui pembukaan" }).click();
      // the approval is recorded before the context closes (closing at once could drop the action)
      await expect(p.getByText(`${i + 1} dari 2 persetujuan yang diperlukan`)).toBeVisible();
    });
  }
  await expect
    .poll(
      async () => (await sql(`SELECT 1 FROM "Tender" WHERE id = $1 AND "openedAt" IS NOT NULL`, [tender.id])).length,
    )
    .toBe(1);
  await asUser(browser, POKJA[0]!, async (p) => {
    for (const stage of ["Administrasi", "Kualifikasi", "Teknis", "Harga"])
      await decideStage(p, tender.id, stage, { [FIRST.company]: true, [SECOND.company]: true });
  });
  await rankProveAwardAnnounce(browser, tender.id);
  expect((await tenderOf(code)).winner).toBe(FIRST.company);

  // The second bidder objects to the price evaluation; the Pokja accepts: the award no longer stands.
  await asUser(browser, SECOND.email, async (p) => {
    await p.goto(`/penyedia/sanggah/${tender.id}`);
    await p
      .getByLabel("Isi sanggah")
      .fill("Koreksi aritmatik harga pemenang keliru; harga terkoreksinya melebihi HPS.");
    await p.getByRole("button", { name: "Kirim sanggah" }).click();
    await expect(p.getByText("Belum dijawab")).toBeVisible();
  });
  await asUser(browser, POKJA[0]!, async (p) => {
    await p.goto(`/pokja/sanggah/${tender.id}`);
    await p.getByLabel("Diterima").check();
    await p
      .getByLabel("Jawaban sanggah")
      .fill("Setelah diperiksa ulang, koreksi aritmatik harga pemenang memang keliru; sanggah diterima.");
    await p.getByRole("button", { name: "Kirim jawaban sanggah" }).click();
    await expect.poll(async () => (await tenderOf(code)).status).toBe("EVALUATION");
    expect((await tenderOf(code)).winner).toBeNull();

    // the desk now says what comes next, and reopens from the stage the objection concerns
    await p.reload();
    await expect(p.getByText("Langkah selanjutnya")).toBeVisible();
    await expect(p.getByRole("heading", { name: "Atau nyatakan tender gagal" })).toBeVisible();
    await p.getByLabel("Mulai dari tahap").selectOption("HARGA");
    await p
      .getByLabel("Alasan evaluasi ulang")
      .fill("Evaluasi ulang tahap harga karena sanggah atas koreksi aritmatik diterima.");
    await p.getByRole("button", { name: "Buka kembali evaluasi" }).click();
    await expect
      .poll(async () => (await sql(`SELECT 1 FROM "EvaluationReopening" WHERE "tenderId" = $1`, [tender.id])).length)
      .toBe(1);
  });
  // the superseded decisions are kept; the stages before harga stand
  const kept = await sql<{ stage: string; n: number }>(
    `SELECT stage::text, count(*)::int AS n FROM "Evaluation" WHERE "tenderId" = $1 GROUP BY stage ORDER BY stage`,
    [tender.id],
  );
  expect(kept).toEqual([
    { stage: "ADMINISTRASI", n: 2 },
    { stage: "KUALIFIKASI", n: 2 },
    { stage: "TEKNIS", n: 2 },
  ]);
  expect(
    (await sql(`SELECT 1 FROM "SupersededEvaluation" WHERE "tenderId" = $1`, [tender.id])).length,
  ).toBeGreaterThanOrEqual(3);

  // The public and the bidders read that the award was withdrawn.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/tender/${code}/pemenang`);
  await expect(visitor.getByTestId("award-withdrawals")).toContainText(`(${FIRST.company}) dibatalkan`);
  await expect(visitor.getByTestId("award-withdrawals")).toContainText("sedang melakukan evaluasi ulang");
  await asUser(browser, FIRST.email, async (p) => {
    await p.goto(`/penyedia/sanggah/${tender.id}`);
    await expect(p.getByTestId("award-withdrawals")).toContainText("karena sanggah diterima");
  });

  // Harga again: the first bid fails it now; the second wins, announced with a new masa sanggah.
  await asUser(browser, POKJA[0]!, (p) =>
    decideStage(p, tender.id, "Harga", { [FIRST.company]: false, [SECOND.company]: true }),
  );
  await rankProveAwardAnnounce(browser, tender.id);
  expect((await tenderOf(code)).winner).toBe(SECOND.company);
  await visitor.goto(`/tender/${code}/pemenang`);
  await expect(visitor.getByTestId("winner")).toContainText(SECOND.company);
  await expect(visitor.getByTestId("award-withdrawals")).toContainText("Evaluasi ulang mulai tahap Harga");

  // The accepted sanggah of the first announcement blocks nothing; the new window does, until it passes.
  await asUser(browser, "ppk.jayapura@segel.test", async (p) => {
    await p.goto(`/ppk/sppbj/${tender.id}`);
    await expect(p.getByText("SPPBJ belum dapat diterbitkan:")).toBeVisible();
  });
  await advanceClock(5 * DAY + 60_000);
  await asUser(browser, "ppk.jayapura@segel.test", async (p) => {
    await p.goto(`/ppk/sppbj/${tender.id}`);
    await p.getByRole("button", { name: "Terbitkan SPPBJ" }).click();
    await expect.poll(async () => (await tenderOf(code)).status).toBe("COMPLETED");
  });
  const trail = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1 ORDER BY seq`, [
    tender.id,
  ]);
  expect(trail.map((e) => e.action)).toEqual(
    expect.arrayContaining(["tender.awardWithdrawn", "tender.evaluationReopened", "sppbj.issued"]),
  );
  await reloadUntil(visitor, () =>
    expect(visitor.getByTestId("winner")).toContainText(SECOND.company, { timeout: 1000 }),
  );
});
