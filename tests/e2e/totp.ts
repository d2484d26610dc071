import { expect, type Page } from "@playwright/test";
import { generate } from "otplib";

// The second factor in the journeys (decision 0034): codes are computed here with the same
// library the portal checks them with, from the secret the enrolment page shows as text.

/** The authenticator's code for `secret`, `steps` periods of 30 s from now (the browser's clock). */
export const totpCode = (secret: string, steps = 0): Promise<string> =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/**
 * Gives a code on the page's code form, trying the next period's code when the first is
 * refused: the portal spends each period's code once (no replay), and a sign-in right after
 * enrolment falls in the same period.
 */
async function giveCode(page: Page, secret: string, submit: string, leaves: RegExp) {
  for (const steps of [0, 1]) {
    await page.getByLabel(/^(Kode|Kode dari aplikasi)$/).fill(await totpCode(secret, steps));
    await page.getByRole("button", { name: submit }).click();
    const moved = await expect(page)
      .toHaveURL(leaves, { timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (moved) return;
    await expect(page.locator("form [role=alert], form [role=status]").first()).toBeVisible();
  }
  throw new Error("no code was accepted");
}

/**
 * Enrols TOTP on /akun/dua-faktor (where a staff member without it is sent after signing in):
 * starts, reads the secret shown for manual entry, confirms with a code, and keeps the
 * recovery codes shown once. Leaves the page on the way on (the dashboard by default).
 */
export async function enrolTotp(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  if (!page.url().includes("/akun/dua-faktor")) await page.goto("/akun/dua-faktor");
  await page.getByRole("button", { name: "Mulai atur autentikator" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent({ timeout: 20_000 }))!.trim();
  await page.getByLabel("Kode dari aplikasi").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Aktifkan" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list).toBeVisible();
  const recoveryCodes = (await list.locator("li").allTextContents()).map((c) => c.trim());
  await page.getByRole("link", { name: "Saya sudah menyimpannya, lanjutkan" }).click();
  await expect(page).not.toHaveURL(/\/akun\/dua-faktor/);
  return { secret, recoveryCodes };
}

/** Signs in with the password and then the code, as a person with TOTP does, and waits for the dashboard. */
export async function signInWithTotp(page: Page, email: string, password: string, secret: string) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/masuk\/dua-faktor/);
  await giveCode(page, secret, "Lanjutkan", /\/dasbor$/);
}
