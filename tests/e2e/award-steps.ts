import { expect, type Locator, type Page } from "@playwright/test";
import { checkSurely, sql } from "./helpers";

// The Pokja's steps from the ranking to the penetapan, as each journey takes them in the
// browser: pembuktian of the ranked bids, one member's proposal, another's approval.

/** Saves one bid's row on a stage's evaluation page and waits until its decision is stored. */
export async function saveEvaluation(row: Locator, bidId: string, stage: string) {
  await row.getByRole("button", { name: "Simpan evaluasi" }).click();
  await expect
    .poll(
      async () =>
        (
          await sql(`SELECT 1 FROM "Evaluation" WHERE "bidId" = $1 AND stage = $2::"EvaluationStage"`, [
            bidId,
            stage.toUpperCase(),
          ])
        ).length,
    )
    .toBe(1);
}

/**
 * Pembuktian passed for every ranked bid on the evaluation page, each row found by the
 * vendor's name so a re-render between saves cannot shift the rows. Returns the ranked bids.
 */
export async function proveRankedBids(page: Page, tenderId: string) {
  const ranked = await sql<{ id: string; vendor: string }>(
    `SELECT b.id, v.name AS vendor FROM "Bid" b JOIN "Vendor" v ON v.id = b."vendorId" WHERE b."tenderId" = $1 AND b.rank IS NOT NULL ORDER BY b.rank`,
    [tenderId],
  );
  await page.goto(`/pokja/evaluasi/${tenderId}`);
  for (const { id, vendor } of ranked) {
    const row = page
      .getByRole("region", { name: "Peringkat" })
      .getByRole("row")
      .filter({ hasText: vendor })
      .filter({ has: page.getByRole("radio") });
    await checkSurely(row.getByLabel("Lulus", { exact: true }));
    await row.getByLabel("Alasan").fill("Dokumen asli kualifikasi sesuai dengan yang diunggah.");
    await row.getByRole("button", { name: "Simpan pembuktian" }).click();
    await expect
      .poll(
        async () => (await sql(`SELECT 1 FROM "Evaluation" WHERE "bidId" = $1 AND stage = 'PEMBUKTIAN'`, [id])).length,
      )
      .toBe(1);
  }
  return ranked;
}

/** One member proposes the winner: the proposal stands in for the button and waits for a second member. */
export async function proposeWinner(page: Page, tenderId: string) {
  await page.goto(`/pokja/evaluasi/${tenderId}`);
  await page.getByRole("button", { name: "Usulkan pemenang" }).click();
  await expect(page.getByTestId("winner-proposals").getByText("Menunggu persetujuan: 1 dari 2")).toBeVisible();
}

/** Another member approves the open proposal; with that majority the winner is set. */
export async function approveWinnerProposal(page: Page, tenderId: string) {
  await page.goto(`/pokja/evaluasi/${tenderId}`);
  const desk = page.getByTestId("winner-proposals");
  await desk.getByLabel("Setuju", { exact: true }).check();
  await desk.getByRole("button", { name: "Kirim keputusan" }).click();
  await expect
    .poll(
      async () => (await sql(`SELECT 1 FROM "Tender" WHERE id = $1 AND "awardedAt" IS NOT NULL`, [tenderId])).length,
      { timeout: 20_000 },
    )
    .toBe(1);
}
