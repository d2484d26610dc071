import { expect, test } from "@playwright/test";
import { signIn, sql } from "./helpers";

// The server archives its WAL into a temp backup directory and its backup worker takes a base
// set on its first tick, then drills it (tests/e2e/serve.ts, backup-worker.ts). The LPSE's
// admin sees it proven: green, a complete set, a passed drill with its figures; and asks for
// another drill, which the worker runs.
test("the LPSE admin sees the backups green with a complete set and a passed drill's figures", async ({ page }) => {
  test.setTimeout(10 * 60_000);
  // the worker proves the set before anyone looks (a bounded wait on the row, not the clock)
  await expect
    .poll(async () => (await sql(`SELECT status FROM "RestoreDrill" WHERE status = 'PASSED'`)).length, {
      timeout: 8 * 60_000,
      intervals: [5000],
    })
    .toBeGreaterThan(0);
  await signIn(page, "admin.lpse@segel.test");
  await expect(page.getByTestId("backup-card")).toBeVisible();

  await page.goto("/admin/cadangan");
  await expect(page.getByRole("heading", { level: 1, name: "Cadangan" })).toBeVisible();
  await expect(page.getByText("Cadangan sehat")).toBeVisible();

  await expect(page.getByRole("region", { name: "Cadangan dasar" }).getByText("Lengkap")).toBeVisible();
  const drill = page.getByTestId("last-drill");
  await expect(drill.getByText("Lulus")).toBeVisible();
  await expect(drill.getByText("Setelah cadangan dasar")).toBeVisible();
  for (const figure of ["tables", "rows", "files", "receipts", "auditEntries", "walSegments", "restoreMs"])
    await expect(drill.locator(`[data-figure="${figure}"]`)).toBeVisible();
  for (const figure of ["tables", "rows", "walSegments"]) {
    const text = await drill.locator(`[data-figure="${figure}"]`).innerText();
    expect(Number(text.replace(/\D/g, "")), figure).toBeGreaterThan(0);
  }
  // the recovery point names the newest archived WAL segment
  await expect(page.getByTestId("last-archived")).toContainText(/[0-9A-F]{24}/);

  // a drill asked for now is run by the worker and joins the history
  // the page re-renders with the request in place of the button; the worker may already have
  // taken it (running) or even finished it by then, so any of the three says the click held
  await page.getByRole("button", { name: "Jalankan uji pemulihan sekarang" }).click();
  const history = page.getByRole("region", { name: "Riwayat uji pemulihan" });
  await expect(
    page
      .getByText(/Uji pemulihan (diminta|sedang berjalan)/)
      .or(history.getByText("Diminta Admin"))
      .first(),
  ).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(history.getByText("Diminta Admin")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 5 * 60_000, intervals: [5000] });
  await expect(page.getByText("Cadangan sehat")).toBeVisible();
});
