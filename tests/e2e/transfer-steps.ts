// Steps of the tender-transfer journey (issue 13) on the instances it starts itself
// (tests/e2e/stoppable-instance.ts): people on an empty instance, invited by mail.
import { expect, type Browser, type Page } from "@playwright/test";
import type { StoppableInstance } from "./stoppable-instance";
import { generate } from "otplib";
import { enrolTotp } from "./totp";

export interface Staff {
  email: string;
  name: string;
  password: string;
  secret?: string;
}

/** Runs `act` as nobody in a fresh browser context on `instance`, accepting confirm dialogs. */
export async function onInstance<T>(
  browser: Browser,
  instance: StoppableInstance,
  act: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ baseURL: instance.url });
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept().catch(() => {}));
  try {
    return await act(page);
  } finally {
    await context.close();
  }
}

/** The newest link to `pathPrefix` in the mail `instance` sent to `email`, waited for (the worker sends every second). */
export async function linkInMail(instance: StoppableInstance, email: string, pathPrefix: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const mails = instance.mail.filter((m) => m.to.some((to) => to.toLowerCase() === email.toLowerCase()));
        for (const mail of mails.reverse())
          for (const match of mail.text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
            const url = new URL(match[0]);
            if (url.pathname.startsWith(pathPrefix)) return (link = `${url.pathname}${url.search}`);
          }
        return undefined;
      },
      { timeout: 30_000, message: `a mail to ${email} with a ${pathPrefix} link` },
    )
    .toBeTruthy();
  return link!;
}

/** Signs in with the password; a staff member without a second factor enrols it there. Stores the secret. */
export async function signInStaff(page: Page, person: Staff, clockMs = Date.now()) {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Kata sandi").fill(person.password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  if (person.secret) return giveCodeAt(page, person.secret, clockMs);
  await expect(page).toHaveURL(/\/(akun\/dua-faktor|dasbor)/);
  if (page.url().includes("/akun/dua-faktor")) person.secret = (await enrolTotp(page)).secret;
}

/**
 * The second step with the code of the portal's time: the server checks codes on the
 * database clock, which a journey may have moved days ahead. The next period's code when the
 * first was spent (no replay).
 */
async function giveCodeAt(page: Page, secret: string, clockMs: number) {
  await expect(page).toHaveURL(/\/masuk\/dua-faktor/);
  for (const steps of [0, 1]) {
    await page
      .getByLabel("Kode", { exact: true })
      .fill(await generate({ secret, epoch: Math.floor(clockMs / 1000) + steps * 30 }));
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    if (
      await expect(page)
        .toHaveURL(/\/dasbor$/, { timeout: 10_000 })
        .then(
          () => true,
          () => false,
        )
    )
      return;
  }
  throw new Error("no code was accepted");
}

/** `person` follows the invitation `instance` mailed, sets a password, signs in (enrolling TOTP). */
export async function acceptInvitationOn(browser: Browser, instance: StoppableInstance, person: Staff) {
  const link = await linkInMail(instance, person.email, "/undangan/");
  await onInstance(browser, instance, async (page) => {
    await page.goto(link);
    await page.getByLabel("Kata sandi baru", { exact: true }).fill(person.password);
    await page.getByLabel("Ulangi kata sandi baru").fill(person.password);
    await page.getByRole("button", { name: "Simpan kata sandi" }).click();
    await expect(page).toHaveURL(/\/masuk\?notice=passwordSet/);
    await signInStaff(page, person);
  });
}
