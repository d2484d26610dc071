import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { expect } from "./fixtures";
import { asUser, sql } from "./helpers";

// G's e-Kontrak steps as the contract journey takes them in the browser: the PPK drafts from the
// award (two termins of 40% and 60%, the work starting today), sends it; the vendor signs; the
// PPK signs and issues the SPMK from today. The wording is read from the message files (a
// Playwright spec cannot import JSON without an import attribute).

const messages = JSON.parse(readFileSync("src/i18n/messages/id/contracts.json", "utf8")) as {
  form: Record<string, string>;
  steps: Record<string, string>;
};
const { form, steps } = messages;

const today = async () =>
  (await sql<{ day: string }>(`SELECT to_char(segel_now() AT TIME ZONE 'Asia/Jayapura', 'YYYY-MM-DD') AS day`))[0]!.day;
const inDays = async (n: number) =>
  (
    await sql<{ day: string }>(
      `SELECT to_char((segel_now() + make_interval(days => $1::int)) AT TIME ZONE 'Asia/Jayapura', 'YYYY-MM-DD') AS day`,
      [n],
    )
  )[0]!.day;

const contractOf = async (tenderId: string) =>
  (
    await sql<{ id: string; status: string }>(`SELECT id, status::text FROM "Contract" WHERE "tenderId" = $1`, [
      tenderId,
    ])
  )[0];

async function fill(page: Page, name: string, value: string) {
  await page.locator(`[name="${name}"]`).fill(value);
}

/** Drafting to ACTIVE; returns the contract's id. */
export async function signContract(browser: Browser, who: { tenderId: string; ppk: string; vendor: string }) {
  const start = await today();
  await asUser(browser, who.ppk, async (page) => {
    await page.goto(`/ppk/kontrak/baru/${who.tenderId}`);
    await fill(page, "startsOn", start);
    await fill(page, "endsOn", await inDays(120));
    await page.getByLabel(form.termin!, { exact: true }).check();
    await fill(page, "terminPlan", "Termin I: pekerjaan struktur; 40\nTermin II: penyelesaian dan serah terima; 60");
    await fill(page, "ppkSignatoryName", "Yosina Wenda");
    await fill(page, "ppkSignatoryPosition", "Pejabat Pembuat Komitmen");
    await fill(page, "ppkSignatoryNip", "198103152006042001");
    await fill(page, "vendorSignatoryName", "Markus Wonda");
    await fill(page, "vendorSignatoryPosition", "Direktur Utama");
    await page.getByRole("button", { name: form.draft!, exact: true }).click();
    // a refusal names itself in the failure: the form's message and its fields' errors
    const said = async () =>
      (await page.locator('[role="alert"], [role="status"], .text-red-800').allInnerTexts()).join(" | ");
    await expect.poll(async () => (await contractOf(who.tenderId))?.status ?? (await said())).toBe("DRAFT");
    await page.goto(`/ppk/kontrak/${(await contractOf(who.tenderId))!.id}`);
    await page.getByRole("button", { name: steps.send!, exact: true }).click();
    await expect.poll(async () => (await contractOf(who.tenderId))?.status).toBe("VENDOR_REVIEW");
  });
  const { id } = (await contractOf(who.tenderId))!;
  await asUser(browser, who.vendor, async (page) => {
    await page.goto(`/penyedia/kontrak/${id}`);
    await page.getByRole("button", { name: steps.vendorSign!, exact: true }).click();
    await expect
      .poll(
        async () => (await sql(`SELECT 1 FROM "Contract" WHERE id = $1 AND "vendorSignedAt" IS NOT NULL`, [id])).length,
      )
      .toBe(1);
  });
  await asUser(browser, who.ppk, async (page) => {
    await page.goto(`/ppk/kontrak/${id}`);
    await page.getByRole("button", { name: steps.ppkSign!, exact: true }).click();
    await expect.poll(async () => (await contractOf(who.tenderId))?.status).toBe("SIGNED");
    await page.reload();
    await fill(page, "startsOn", start);
    await page.getByRole("button", { name: steps.spmk!, exact: true }).click();
    await expect.poll(async () => (await contractOf(who.tenderId))?.status).toBe("ACTIVE");
  });
  return id;
}
