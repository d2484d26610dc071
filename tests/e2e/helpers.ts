import { expect, type Browser, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-people";
import { E2E_DATABASE_URL } from "./env";
import { moveClock } from "./move-clock";

export { DEMO_PASSWORD };

/** Signs in through the real form, as a person would, and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
}

/**
 * Acts as `email` in a browser context of its own (so several people can take turns in
 * one journey), accepting the pages' confirm dialogs, and closes it however `act` ends.
 */
export async function asUser<T>(
  browser: Browser,
  email: string,
  act: (page: Page) => Promise<T>,
  options: BrowserContextOptions = {},
): Promise<T> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept().catch(() => {}));
  await signIn(page, email);
  try {
    return await act(page);
  } finally {
    await context.close();
  }
}

export async function attemptSignIn(page: Page, email: string, password: string) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

/** Direct SQL on the end-to-end database: what an intruder with database access could do. */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Reloads a public page until `check` passes: a visitor who is not signed in may be served
 * the page as it was up to 5 seconds ago (docs/decisions/0016-public-page-caching.md).
 * Give `check`'s expectations a short timeout of their own.
 */
export async function reloadUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 20_000, intervals: [500] });
}

/** Signs out and waits until the portal has taken the visitor back to the home page. */
export async function signOut(page: Page) {
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/$/);
}

/**
 * Moves the database clock (segel_now()) forward, as if that much time had passed: the
 * sanggah window's five days pass in a moment. Works only in the end-to-end database,
 * where segel.test_clock is on (tests/e2e/serve.ts). The worker sees it on its next look.
 */
export async function advanceClock(ms: number) {
  // the heartbeats move with it, so the jump is no downtime (tests/e2e/move-clock.ts)
  await moveClock(E2E_DATABASE_URL, ms);
}

/** Registers the signed-in vendor for a tender from its announcement page. */
export async function joinTender(page: Page, code: string) {
  await page.goto(`/tender/${code}`);
  await page.getByRole("button", { name: "Ikut tender ini" }).click();
  await expect(page.getByTestId("participant-registered")).toBeVisible();
}

/**
 * Sends a sealed bid as the signed-in, registered vendor: one PDF per part, the price,
 * then waits for the signed receipt. Confirmation dialogs are accepted.
 */
export async function submitBid(
  page: Page,
  code: string,
  price: string,
  parts: readonly string[] = ["Administrasi", "Harga"],
) {
  await uploadBidFiles(page, code, price, parts);
  await sendBid(page, price);
}

/** On the bid page of `code`, uploads one PDF per part (its text names the part and price) and waits until each is staged. */
export async function uploadBidFiles(
  page: Page,
  code: string,
  price: string,
  parts: readonly string[] = ["Administrasi", "Harga"],
) {
  await page.goto(`/tender/${code}`);
  await page.getByRole("link", { name: "Penawaran saya" }).click();
  for (const part of parts) {
    const name = `${part.toLowerCase()}-${code}.pdf`;
    const form = page.locator("form").filter({ has: page.getByLabel(`Berkas ${part}`) });
    await form.getByLabel(`Berkas ${part}`).setInputFiles({
      name,
      mimeType: "application/pdf",
      buffer: Buffer.from(`%PDF-1.4\n% ${part} ${price}\n%%EOF\n`),
    });
    await form.getByRole("button", { name: "Unggah" }).click();
    await expect(page.getByText(`${name} terunggah dan tersegel.`)).toBeVisible();
    // and it is listed among the files ready to send
    await expect(page.getByText(`${part}: ${name}`)).toBeVisible();
  }
}

/** On the bid page, enters the price and sends every staged file; waits for the signed receipt. */
export async function sendBid(page: Page, price: string) {
  await page.getByLabel("Harga penawaran (Rp)").fill(price);
  // the pakta integritas is part of every bid (issue 15)
  await page.getByLabel(/menyetujui pakta integritas/).check();
  page.once("dialog", (dialog) => void dialog.accept().catch(() => {}));
  await page.getByRole("button", { name: "Kirim penawaran" }).click();
  // the page then shows the signed receipt in place of the form
  await expect(page.getByRole("heading", { name: "Tanda terima penawaran" })).toBeVisible();
}

/**
 * Checks a radio or a box, and again if the click was lost: under CI load a streamed part of
 * the page can land between Playwright's aim and its click, or re-render the form, and
 * `check()` then fails with "did not change its state" (stop 26's CI, seleksi journey).
 */
export async function checkSurely(box: Locator) {
  await expect(async () => {
    await box.check({ timeout: 5_000 });
    await expect(box).toBeChecked({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}
