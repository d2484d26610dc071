// An LPSE from nothing (issue 11, item 9), as its own staff would stand it up: Segel started
// with the demo off (tests/e2e/serve-empty.ts), the first administrator made by the one
// command, then everything else through the pages. The later steps (agency, its people,
// invitations, TOTP, a published tender) extend this journey.
import { DEMO_PASSWORD } from "../../../prisma/seed/demo-people";
import { test, expect } from "../fixtures";
import { enrolTotpIfAsked } from "./second-factor";
import { runSegelCommand } from "./segel-command";

test.describe.configure({ mode: "serial" });

const ADMIN = { email: "admin@lpse.contoh.go.id", name: "Siti Aminah", password: "kopi tubruk di pagi hari" };

/** A 1×1 PNG, the logo the admin uploads. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  "base64",
);

test("the empty instance starts without the demo: a placeholder name and no demo account", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("banner")).toContainText("LPSE (nama belum diatur)");
  await page.goto("/masuk");
  await page.getByLabel("Email").fill("admin.lpse@segel.test");
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/masuk/);
  await expect(page.getByRole("alert")).toBeVisible();
});

test("the first administrator is made by the command, which refuses a weak password and a second use of the e-mail", async () => {
  const args = ["admin", "create", "--email", ADMIN.email, "--name", ADMIN.name, "--password-stdin"];
  const weak = runSegelCommand(args, "pendek\n");
  expect(weak.status, weak.output).toBe(1);
  expect(weak.output).toContain("at least 15 characters");

  const made = runSegelCommand(args, `${ADMIN.password}\n`);
  expect(made.status, made.output).toBe(0);
  expect(made.output).toContain(`${ADMIN.email} is now an LPSE administrator`);
  expect(made.output).toMatch(/http:\/\/localhost:\d+\/masuk/);
  expect(made.output).toContain("/admin/profil");

  const again = runSegelCommand(args, `${ADMIN.password}\n`);
  expect(again.status, again.output).toBe(1);
  expect(again.output).toContain("already used by another account");
});

test("the administrator signs in, fills in the LPSE profile and logo, and every page shows them", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Kata sandi").fill(ADMIN.password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/masuk");
  // a new instance requires the second factor of its staff (decision 0034)
  if (await enrolTotpIfAsked(page)) await page.goto("/dasbor");
  await expect(page).toHaveURL(/\/dasbor/);

  await page.goto("/admin/profil");
  await page.getByLabel("Nama LPSE").fill("LPSE Kabupaten Contoh");
  await page.getByLabel("Alamat").fill("Jl. Merdeka No. 1, Contoh 12345");
  await page.getByLabel("Surel kontak").fill("lpse@contoh.go.id");
  await page.getByLabel("Telepon").fill("(0411) 555-0100");
  await page.getByLabel("Situs web").fill("https://lpse.contoh.go.id");
  await page.getByLabel("Zona waktu bawaan").selectOption("Asia/Makassar");
  await page.getByRole("button", { name: "Simpan profil" }).click();
  await expect(page.getByText("Profil tersimpan.")).toBeVisible();

  await page.getByLabel("Berkas logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Unggah logo" }).click();
  await expect(page.getByText("Logo tersimpan.")).toBeVisible();

  // a page shared by every visitor may be up to 5 seconds old (decision 0016)
  await expect(async () => {
    await page.goto("/tender");
    await expect(page.getByRole("banner")).toContainText("LPSE Kabupaten Contoh", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const logo = page.getByRole("banner").locator('img[src^="/api/lpse/logo/"]');
  await expect(logo).toHaveCount(1);
  const response = await page.request.get((await logo.getAttribute("src"))!);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(response.headers()["cache-control"]).toContain("immutable");
  await expect(page.getByTestId("lpse-contact")).toContainText("Jl. Merdeka No. 1, Contoh 12345");
  await expect(page.getByTestId("lpse-contact")).toContainText("lpse@contoh.go.id");
});
