import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { asUser, checkSurely, reloadUntil, sql } from "./helpers";
import { approveWinnerProposal, proposeWinner, proveRankedBids, saveEvaluation } from "./award-steps";
import { signContract } from "./contract-signing-steps";

// A construction tender's contract from the SPPBJ through two termins to the last BAST and the
// vendor's rating. The seeded construction tender 2026000010 (Kabupaten Jayapura, opened, two
// evaluation stages decided) is taken through the rest of the evaluation and the award in the
// browser; the masa sanggah passes by moving the announcement back, not the shared clock.

const TENDER = "2026000010"; // Pembangunan Sarana Air Bersih Distrik Kemtuk, HPS Rp6.215.900.000
const POKJA = ["pokja1.jayapura@segel.test", "pokja2.jayapura@segel.test"];
const PPK = "ppk.jayapura@segel.test";
const WINNER = { email: "penyedia3@segel.test", company: "PT Papua Cipta Konstruksi" };
const DAY = 86_400_000;
// G's wording of the public contract section, from the message file
const CONTRACTS = JSON.parse(readFileSync("src/i18n/messages/id/contracts.json", "utf8")) as {
  page: { publicTitle: string };
  status: Record<string, string>;
};

const tenderRow = async () =>
  (await sql<{ id: string; status: string }>(`SELECT id, status::text FROM "Tender" WHERE code = $1`, [TENDER]))[0]!;
const contractRow = async (tenderId: string) =>
  (
    await sql<{ id: string; status: string }>(`SELECT id, status::text FROM "Contract" WHERE "tenderId" = $1`, [
      tenderId,
    ])
  )[0];
const terminRows = async (contractId: string) =>
  sql<{ position: number; progress: number; bast: string | null; paid: string | null }>(
    `SELECT position, "progressPercent" AS progress, "bastNumber" AS bast, "paidAmount"::text AS paid
     FROM "ContractTermin" WHERE "contractId" = $1 ORDER BY position`,
    [contractId],
  );

/** The rest of the evaluation, the ranking, pembuktian, penetapan by majority and the announcement. */
async function awardInBrowser(browser: Browser, tenderId: string) {
  await asUser(browser, POKJA[0]!, async (page) => {
    const bids = await sql<{ id: string }>(`SELECT id FROM "Bid" WHERE "tenderId" = $1 AND status = 'SUBMITTED'`, [
      tenderId,
    ]);
    for (const stage of ["Teknis", "Harga"]) {
      await page.goto(`/pokja/evaluasi/${tenderId}`);
      await expect(page.getByRole("heading", { name: `Evaluasi tahap ${stage}` })).toBeVisible();
      for (const { id } of bids) {
        const row = page.getByTestId(`row-${id}`);
        await checkSurely(row.getByLabel("Lulus", { exact: true }));
        await row.getByLabel("Alasan").fill(`Memenuhi syarat tahap ${stage.toLowerCase()} sesuai dokumen pemilihan.`);
        await saveEvaluation(row, id, stage);
      }
    }
    await page.reload();
    await page.getByRole("button", { name: "Hitung peringkat" }).click();
    await expect
      .poll(
        async () => (await sql(`SELECT 1 FROM "Bid" WHERE "tenderId" = $1 AND rank IS NOT NULL`, [tenderId])).length,
      )
      .toBe(2);
    await proveRankedBids(page, tenderId);
    await proposeWinner(page, tenderId);
  });
  await asUser(browser, POKJA[1]!, (page) => approveWinnerProposal(page, tenderId));
  await asUser(browser, POKJA[0]!, async (page) => {
    await page.goto(`/pokja/evaluasi/${tenderId}`);
    await page.getByRole("button", { name: "Umumkan pemenang" }).click();
    await expect.poll(async () => (await tenderRow()).status).toBe("AWARDED");
  });
}

/** The vendor reports the work's progress on the running termin from its contract page. */
async function reportProgress(page: Page, contractId: string, position: number, percent: number) {
  await page.goto(`/penyedia/kontrak/${contractId}`);
  await page.getByLabel(`Kemajuan pekerjaan pada termin ${position} (%)`).fill(String(percent));
  await page
    .getByLabel("Catatan kemajuan")
    .fill(`Pekerjaan termin ${position} mencapai ${percent}% sesuai laporan MC.`);
  await page.getByRole("button", { name: "Laporkan kemajuan" }).click();
  await expect(page.getByText("Kemajuan pekerjaan dilaporkan.")).toBeVisible();
}

/** The PPK records the termin's BAST (dated today, the form's default) and then its payment. */
async function handOverAndPay(page: Page, contractId: string, position: number, amount: string) {
  await page.goto(`/ppk/kontrak/${contractId}`);
  await page.getByLabel(`Nomor BAST termin ${position}`).fill(`BAST/${TENDER}/${position}`);
  await page.getByRole("button", { name: "Catat BAST" }).click();
  await expect.poll(async () => (await terminRows(contractId))[position - 1]!.bast).toBe(`BAST/${TENDER}/${position}`);
  await page.reload();
  await page.getByLabel(`Jumlah dibayar untuk termin ${position}`).fill(amount);
  await page.getByLabel("Nomor SP2D atau bukti transfer").fill(`SP2D-${TENDER}-${position}`);
  await page.getByRole("button", { name: "Catat pembayaran" }).click();
  await expect.poll(async () => (await terminRows(contractId))[position - 1]!.paid).toBe(amount.replaceAll(".", ""));
}

test("a construction contract from the SPPBJ through two termins to the last BAST and the vendor's rating", async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const { id: tenderId } = await tenderRow();
  await awardInBrowser(browser, tenderId);

  // The masa sanggah and banding pass with no sanggah: the announcement and both windows moved
  // back three weeks (not the shared clock); then the SPPBJ.
  await sql(
    `UPDATE "Tender" SET "announcedAt" = "announcedAt" - make_interval(secs => $2::int / 1000.0) WHERE id = $1`,
    [tenderId, 21 * DAY],
  );
  await sql(
    `UPDATE "TenderStage" SET "startsAt" = segel_now() - interval '40 days', "endsAt" = segel_now() - interval '20 days'
     WHERE "tenderId" = $1 AND kind IN ('MASA_SANGGAH', 'SANGGAH_BANDING')`,
    [tenderId],
  );
  await asUser(browser, PPK, async (page) => {
    await page.goto(`/ppk/sppbj/${tenderId}`);
    await page.getByRole("button", { name: "Terbitkan SPPBJ" }).click();
    await expect.poll(async () => (await tenderRow()).status).toBe("COMPLETED");
  });

  // Drafting, the vendor's and the PPK's signatures and the SPMK: two termins of 40% and 60%.
  const contractId = await signContract(browser, { tenderId, ppk: PPK, vendor: WINNER.email });
  expect((await contractRow(tenderId))!.status).toBe("ACTIVE");
  const [first, second] = await terminRows(contractId);
  expect([first!.position, second!.position]).toEqual([1, 2]);
  const amounts = await sql<{ amount: string }>(
    `SELECT amount::text FROM "ContractTermin" WHERE "contractId" = $1 ORDER BY position`,
    [contractId],
  );
  const rupiah = (digits: string) => Number(digits).toLocaleString("id-ID");

  // Termin 1: progress short of its 40% is refused a BAST, then reached.
  await asUser(browser, WINNER.email, (page) => reportProgress(page, contractId, 1, 35));
  await asUser(browser, PPK, async (page) => {
    await page.goto(`/ppk/kontrak/${contractId}`);
    await page.getByLabel("Nomor BAST termin 1").fill(`BAST/${TENDER}/1`);
    await page.getByRole("button", { name: "Catat BAST" }).click();
    await expect(
      page.getByText("BAST termin 1 memerlukan kemajuan sekurang-kurangnya 40%", { exact: false }),
    ).toBeVisible();
  });
  await asUser(browser, WINNER.email, (page) => reportProgress(page, contractId, 1, 40));
  await asUser(browser, PPK, (page) => handOverAndPay(page, contractId, 1, rupiah(amounts[0]!.amount)));

  // Termin 2: the work complete, the last BAST is the serah terima; the contract is COMPLETED.
  await asUser(browser, WINNER.email, (page) => reportProgress(page, contractId, 2, 100));
  await asUser(browser, PPK, (page) => handOverAndPay(page, contractId, 2, rupiah(amounts[1]!.amount)));
  await expect.poll(async () => (await contractRow(tenderId))!.status).toBe("COMPLETED");

  // The PPK rates the vendor once.
  await asUser(browser, PPK, async (page) => {
    await page.goto(`/ppk/kontrak/${contractId}`);
    for (const [label, score] of [
      ["Kualitas dan kuantitas pekerjaan", "4"],
      ["Biaya", "3"],
      ["Waktu", "3"],
      ["Layanan", "4"],
    ] as const)
      await page.getByLabel(label, { exact: true }).selectOption(score);
    await page.getByLabel("Catatan penilaian").fill("Mutu pekerjaan baik; serah terima tepat waktu.");
    await page.getByRole("button", { name: "Simpan penilaian" }).click();
    await expect(page.getByRole("heading", { name: "Penilaian kinerja penyedia" })).toBeVisible();
    await expect(page.getByText("Mutu pekerjaan baik; serah terima tepat waktu.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Simpan penilaian" })).toHaveCount(0);
  });
  expect(await sql(`SELECT quality, cost FROM "VendorRating" WHERE "contractId" = $1`, [contractId])).toEqual([
    { quality: 4, cost: 3 },
  ]);

  // The vendor sees the termins handed over and paid; the public tender page shows the contract.
  await asUser(browser, WINNER.email, async (page) => {
    await page.goto(`/penyedia/kontrak/${contractId}`);
    await expect(page.getByText(`BAST/${TENDER}/2`, { exact: false })).toBeVisible();
    await expect(page.getByText(`SP2D-${TENDER}-2`, { exact: false })).toBeVisible();
  });
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/tender/${TENDER}`);
  await reloadUntil(visitor, () =>
    expect(visitor.getByRole("region", { name: CONTRACTS.page.publicTitle })).toContainText(
      CONTRACTS.status.COMPLETED!,
      {
        timeout: 1000,
      },
    ),
  );
});
