// The account steps at the end of the journey: a forgotten password reset by mail, and a
// password without the second factor refused (issue 11, items 3 and 4).
import { expect, type Browser } from "@playwright/test";
import { signInWithTotp } from "../totp";
import { countMail, extractLink, waitForMail } from "./mail";
import { givePassword, inNewContext, setNewPassword, type Person } from "./people";

/**
 * "Lupa kata sandi": the same answer for an unknown address, a single-use link by mail to
 * a known one, a new password, every old session ended; then the new password and the code
 * sign in and the old password does not. Updates `person.password`.
 */
export async function resetForgottenPassword(browser: Browser, person: Person, newPassword: string) {
  const before = await countMail(person.email);
  await inNewContext(browser, async (page) => {
    await page.goto("/masuk");
    await page.getByRole("link", { name: "Lupa kata sandi?" }).click();
    await expect(page).toHaveURL(/\/lupa-kata-sandi/);
    const done = "Jika alamat itu terdaftar, tautan atur ulang sudah dikirim ke sana.";
    // an unknown address gets the same answer, so the page tells nobody which e-mails exist
    await page.getByLabel("Email").fill("tidak.ada@contoh.go.id");
    await page.getByRole("button", { name: "Kirim tautan" }).click();
    await expect(page.getByText(done)).toBeVisible();
    await page.goto("/lupa-kata-sandi");
    await page.getByLabel("Email").fill(person.email.toUpperCase());
    await page.getByRole("button", { name: "Kirim tautan" }).click();
    await expect(page.getByText(done)).toBeVisible();

    const link = extractLink(await waitForMail(person.email, { after: before }), "/atur-ulang-kata-sandi/");
    await page.goto(link);
    await setNewPassword(page, newPassword, "Simpan kata sandi baru");
    await expect(page).toHaveURL(/\/masuk\?notice=passwordReset/);
    // the link is single use
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Tautan tidak berlaku" })).toBeVisible();

    // the old password is refused ...
    await page.goto("/masuk");
    await givePassword(page, person.email, person.password);
    await expect(page).toHaveURL(/\/masuk(\?|$)/);
    // the form's own alert: Next's route announcer is an alert too, once a page has changed
    await expect(page.getByTestId("form-error")).toContainText("Email atau kata sandi salah");
  });
  person.password = newPassword;
  // ... and the new one with the code signs in
  await inNewContext(browser, (page) => signInWithTotp(page, person.email, person.password, person.secret!));
}

/** `member` gives the right password and no code: stays at the second step, cannot open /pokja, a wrong code fails. */
export async function refusedWithoutSecondFactor(browser: Browser, member: Person) {
  await inNewContext(browser, async (page) => {
    await givePassword(page, member.email, member.password);
    await expect(page).toHaveURL(/\/masuk\/dua-faktor/);
    await page.goto("/pokja");
    await expect(page).toHaveURL(/\/masuk\/dua-faktor\?callbackUrl=%2Fpokja/);
    await expect(page.getByRole("link", { name: /Buka tender/ })).toHaveCount(0);
    await page.getByLabel("Kode", { exact: true }).fill("000000");
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await expect(page.locator("form [role=alert]").first()).toBeVisible();
    await expect(page).toHaveURL(/\/masuk\/dua-faktor/);
    await page.goto("/pokja");
    await expect(page).toHaveURL(/\/masuk\/dua-faktor/);
  });
}
