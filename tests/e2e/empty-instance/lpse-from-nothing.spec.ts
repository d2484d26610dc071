// An LPSE from nothing (issue 11, item 9), as its own staff would stand it up: Segel started
// with the demo off (tests/e2e/serve-empty.ts), the first administrator made by the one
// command, then everything else through the pages: an agency and its admin, a work unit,
// a PPK and three Pokja members, each invited by mail (read from the real SMTP server),
// each setting a password and enrolling TOTP; a paket from that PPK becomes a tender that
// Pokja publishes; a forgotten password is reset; a password without the code is refused.
// The tests share the people below and run in order.
import { DEMO_PASSWORD } from "../../../prisma/seed/demo-people";
import { test, expect } from "../fixtures";
import { createPaket, handOver, setUpAndPublish } from "../tender-setup";
import { enrolTotp } from "../totp";
import {
  addAgencyPerson,
  addWorkUnit,
  appointAgencyAdmin,
  createAgency,
  formPokja,
  setOpeningPassphrase,
} from "./organisation";
import { resetForgottenPassword, refusedWithoutSecondFactor } from "./account";
import { acceptInvitation, asPerson, emptySql, inNewContext, type Person } from "./people";
import { runSegelCommand } from "./segel-command";

// a test with several people each signing in and enrolling takes more than the default minute
test.describe.configure({ mode: "serial", timeout: 240_000 });

const ADMIN: Person = { email: "admin@lpse.contoh.go.id", name: "Siti Aminah", password: "kopi tubruk di pagi hari" };
const AGENCY = {
  code: "KAB-CONTOH",
  name: "Pemerintah Kabupaten Contoh",
  kind: "PEMDA_KABUPATEN",
  timeZone: "Asia/Makassar",
} as const;
const AGENCY_ADMIN: Person = {
  email: "admin.pemkab@contoh.go.id",
  name: "Rahmat Hidayat",
  password: "perahu pinisi berlayar ke timur",
};
const PPK: Person = {
  email: "ppk.dinkes@contoh.go.id",
  name: "Andi Makkasau",
  password: "coto makassar di warung sudut",
};
const POKJA: Person[] = [
  { email: "pokja.satu@contoh.go.id", name: "Nurul Fadillah", password: "pantai losari saat senja tiba" },
  { email: "pokja.dua@contoh.go.id", name: "Yohanes Palinggi", password: "rumah tongkonan di tana toraja" },
  { email: "pokja.tiga@contoh.go.id", name: "Dewi Kartika Sari", password: "benteng rotterdam tua dan megah" },
];
const PAKET_NAME = "Pengadaan Alat Kesehatan Puskesmas Contoh";
let tenderCode = "";

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
  await expect(page.getByTestId("form-error")).toContainText("Email atau kata sandi salah");
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
  // a new instance requires the second factor of its staff (decision 0034): enrolment first
  await expect(page).toHaveURL(/\/akun\/dua-faktor/);
  ADMIN.secret = (await enrolTotp(page)).secret;
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

test("the LPSE admin adds an agency and appoints its admin, who is invited by mail, sets a password and enrols TOTP", async ({
  browser,
}) => {
  await asPerson(browser, ADMIN, async (page) => {
    await createAgency(page, AGENCY);
    await appointAgencyAdmin(page, AGENCY.name, AGENCY_ADMIN);
  });
  await acceptInvitation(browser, AGENCY_ADMIN);
});

test("the agency admin adds a work unit, a PPK and three Pokja members, each invited", async ({ browser }) => {
  await asPerson(browser, AGENCY_ADMIN, async (page) => {
    await expect(async () => {
      await page.goto("/admin/organisasi");
      await expect(page.getByText(`Satker dan pegawai ${AGENCY.name}`)).toBeVisible({ timeout: 1000 });
    }).toPass();
    await addWorkUnit(page, "1.02.01", "Dinas Kesehatan");
    await addAgencyPerson(page, PPK, "PPK", "800/12/DINKES/2026");
    for (const member of POKJA) await addAgencyPerson(page, member, "Anggota Pokja", "027/45/UKPBJ/2026");
  });
});

test("the PPK and the Pokja members each set a password from their invitation and enrol TOTP; each member sets an opening passphrase", async ({
  browser,
}) => {
  await acceptInvitation(browser, PPK);
  for (const [i, member] of POKJA.entries()) {
    await acceptInvitation(browser, member);
    await asPerson(browser, member, (page) => setOpeningPassphrase(page, `kunci pembukaan anggota ${i + 1} Pokja`));
  }
});

test("the agency admin forms the Pokja from the three, with its decree's number and date", async ({ browser }) => {
  await asPerson(browser, AGENCY_ADMIN, (page) =>
    formPokja(
      page,
      { name: "Pokja Pemilihan Kesehatan I", skNumber: "027/45/UKPBJ/2026", skDate: "2026-12-01" },
      POKJA,
    ),
  );
});

test("a paket goes from the PPK to a tender that the Pokja sets up and publishes", async ({ browser }) => {
  await asPerson(browser, PPK, async (page) => {
    await createPaket(page, {
      name: PAKET_NAME,
      category: "BARANG",
      pagu: "250.000.000",
      unitPrice: "200.000.001",
      method: /Tender/,
      fundingSource: "APBD Kabupaten Contoh 2026",
      location: "Kecamatan Tamalate, Kabupaten Contoh",
    });
    tenderCode = (await handOver(page, "Pokja Pemilihan"))!;
  });
  await asPerson(browser, POKJA[0]!, (page) => setUpAndPublish(page, tenderCode, emptySql));
  // the public list shows it (a shared page may be up to 5 seconds old, decision 0016)
  await inNewContext(browser, async (page) => {
    await expect(async () => {
      await page.goto("/tender");
      await expect(page.getByText(PAKET_NAME).first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  });
});

test("the PPK forgets the password: a reset link by mail sets a new one, and the old one no longer signs in", async ({
  browser,
}) => {
  await resetForgottenPassword(browser, PPK, "sop saudara dan nasi hangat");
});

test("a Pokja member who gives the right password but no code has no power, and a wrong code is refused", async ({
  browser,
}) => {
  await refusedWithoutSecondFactor(browser, POKJA[1]!);
});
