// The empty instance's people as they come in: each reads their invitation from the real
// SMTP server, sets a first password, signs in and enrols TOTP (a new instance requires it
// of staff, decision 0034); afterwards each acts in a browser context of their own.
import { expect, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_EMPTY_DATABASE_URL } from "../env";
import { enrolTotp, signInWithTotp } from "../totp";
import { extractLink, waitForMail } from "./mail";

export interface Person {
  email: string;
  name: string;
  password: string;
  /** the TOTP secret, once enrolled */
  secret?: string;
}

/** SQL on the empty instance's database: only to move a stage's start or the clock, never to make people. */
export async function emptySql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E_EMPTY_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Runs `act` in a fresh browser context (nobody signed in), accepting confirm dialogs. */
export async function inNewContext<T>(browser: Browser, act: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept().catch(() => {}));
  try {
    return await act(page);
  } finally {
    await context.close();
  }
}

/** Fills the sign-in form with the password only (the second step is the caller's). */
export async function givePassword(page: Page, email: string, password: string) {
  if (!new URL(page.url()).pathname.startsWith("/masuk")) await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

/** Sets a new password on an invitation or reset page, twice as the form asks. */
export async function setNewPassword(page: Page, password: string, submit: string) {
  await page.getByLabel("Kata sandi baru", { exact: true }).fill(password);
  await page.getByLabel("Ulangi kata sandi baru").fill(password);
  await page.getByRole("button", { name: submit }).click();
}

/**
 * `person` follows the invitation link in their mail, sets the first password, signs in,
 * is sent to enrol TOTP and does. The link then no longer works. Stores the secret.
 */
export async function acceptInvitation(browser: Browser, person: Person) {
  const link = extractLink(await waitForMail(person.email), "/undangan/");
  person.secret = await inNewContext(browser, async (page) => {
    await page.goto(link);
    await expect(page.getByText(`(${person.email})`)).toBeVisible();
    await setNewPassword(page, person.password, "Simpan kata sandi");
    await expect(page).toHaveURL(/\/masuk\?notice=passwordSet/);
    await expect(page.getByText("Kata sandi Anda tersimpan. Silakan masuk.")).toBeVisible();

    await givePassword(page, person.email, person.password);
    // staff without a second factor are sent to enrol it before anything else
    await expect(page).toHaveURL(/\/akun\/dua-faktor/);
    const { secret, recoveryCodes } = await enrolTotp(page);
    expect(recoveryCodes.length).toBeGreaterThan(0);
    await expect(page).toHaveURL(/\/dasbor/);

    // the invitation is single use
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Undangan tidak berlaku" })).toBeVisible();
    return secret;
  });
}

/** `person` signs in with password and code in a context of their own and does `act`. */
export async function asPerson<T>(browser: Browser, person: Person, act: (page: Page) => Promise<T>): Promise<T> {
  if (!person.secret) throw new Error(`${person.email} has not enrolled TOTP yet`);
  return inNewContext(browser, async (page) => {
    await signInWithTotp(page, person.email, person.password, person.secret!);
    return act(page);
  });
}
