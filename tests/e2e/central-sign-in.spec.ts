import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, sql } from "./helpers";
import { OIDC_E2E_NAME, OIDC_E2E_PORT } from "./oidc-env";

// The central sign-in (issue 11, item 5) against a real OpenID Connect provider that
// tests/e2e/serve.ts runs beside the portal (tests/e2e/oidc-provider.ts); decision 0035.
const LINKED = { email: "ppk.jayapura@segel.test", name: "Yosina Wenda", subject: "inaproc-197405182000032004" };
const PROVIDER = new RegExp(`^http://127\\.0\\.0\\.1:${OIDC_E2E_PORT}/`);

/** From /masuk to the provider's login page and back, as `login` at the provider. */
async function signInAtProvider(page: Page, login: string) {
  await page.goto("/masuk");
  await page.getByRole("button", { name: `Masuk dengan ${OIDC_E2E_NAME}` }).click();
  await expect(page).toHaveURL(PROVIDER);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("sandi di penyedia identitas");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // the provider asks once whether to share the identity with Segel
  await page.waitForLoadState();
  if (PROVIDER.test(page.url())) await page.getByRole("button", { name: "Continue" }).click();
}

test("the LPSE admin links a person's INAPROC ID, and signing in with INAPROC lands on the dashboard as them", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin.lpse@segel.test");
  await page.goto("/admin/pengguna");
  await page.getByRole("link", { name: `Akun ${OIDC_E2E_NAME} yang tertaut` }).click();
  await expect(page).toHaveURL(/\/admin\/pengguna\/identitas$/);
  await page.getByLabel("Email akun Segel").fill(LINKED.email);
  await page.getByLabel(`ID di ${OIDC_E2E_NAME} (sub)`).fill(LINKED.subject);
  await page.getByRole("button", { name: "Tautkan" }).click();
  // the form's own status by its text: any other status region on the page would make a bare role ambiguous
  await expect(page.getByRole("status").filter({ hasText: "Akun ditautkan." })).toBeVisible();
  await expect(page.getByTestId("identity-row").filter({ hasText: LINKED.subject })).toContainText(LINKED.name);

  const context = await browser.newContext();
  const person = await context.newPage();
  try {
    await signInAtProvider(person, LINKED.subject);
    await expect(person).toHaveURL(/\/dasbor$/);
    await expect(person.getByText(LINKED.name).first()).toBeVisible();
    await expect(person.getByTestId("dashboard-PPK")).toBeVisible();
  } finally {
    await context.close();
  }
  const [signedIn] = await sql<{ data: { method: string } }>(
    `SELECT e.data FROM "AuditEvent" e JOIN "User" u ON u.id = e."entityId"::uuid
      WHERE u.email = $1 AND e.action = 'auth.signIn' ORDER BY e.seq DESC LIMIT 1`,
    [LINKED.email],
  );
  expect(signedIn?.data.method).toBe("oidc");
});

test("an INAPROC identity nobody linked is refused with the ID to pass on, and gets no session", async ({ page }) => {
  await signInAtProvider(page, "belum-tertaut-42");
  await expect(page).toHaveURL(/\/masuk/);
  await expect(page.getByTestId("form-error")).toContainText("belum ditautkan ke akun Segel");
  await expect(page.getByTestId("form-error")).toContainText("belum-tertaut-42");
  await page.goto("/dasbor");
  await expect(page).toHaveURL(/\/masuk/);
  const rows = await sql(`SELECT 1 FROM "ExternalIdentity" WHERE subject = 'belum-tertaut-42'`);
  expect(rows).toHaveLength(0);
});
