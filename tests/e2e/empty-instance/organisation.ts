// The organisation screens as the LPSE's and the agency's admins use them (issue 11, item 2):
// /admin/instansi, /admin/organisasi and /admin/pokja, by their labels (organisation.json).
import { expect, type Page } from "@playwright/test";
import type { Person } from "./people";

export interface AgencySpec {
  code: string;
  name: string;
  kind: string;
  timeZone: "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";
}

/** ADMIN_LPSE adds an agency on /admin/instansi and sees its card. */
export async function createAgency(page: Page, agency: AgencySpec) {
  await page.goto("/admin/instansi");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Tambah K/L/PD" }) });
  await form.getByLabel("Kode").fill(agency.code);
  await form.getByLabel("Nama", { exact: true }).fill(agency.name);
  await form.getByLabel("Jenis").selectOption(agency.kind);
  await form.getByLabel("Zona waktu").selectOption(agency.timeZone);
  await form.getByRole("button", { name: "Tambah K/L/PD" }).click();
  await expect(page.getByText("K/L/PD ditambahkan.")).toBeVisible();
  await expect(agencyCard(page, agency.name)).toContainText(agency.code);
}

const agencyCard = (page: Page, name: string) => page.getByTestId("agency-card").filter({ hasText: name });

/** The add-person form's fields: e-mail, and the name an invitation is made out to. */
async function fillPerson(scope: ReturnType<Page["locator"]>, person: Person) {
  await scope.getByLabel("Email").fill(person.email);
  await scope.getByLabel("Nama lengkap").fill(person.name);
}

/** ADMIN_LPSE appoints the agency's admin by e-mail and name: a new account, invited. */
export async function appointAgencyAdmin(page: Page, agencyName: string, admin: Person) {
  await page.goto("/admin/instansi");
  const card = agencyCard(page, agencyName);
  await card.getByText("Angkat admin K/L/PD").click();
  await fillPerson(card, admin);
  await card.getByRole("button", { name: "Tambahkan" }).click();
  await expect(card.getByText("Undangan dikirim dan peran diberikan.")).toBeVisible();
  await expect(card).toContainText(`${admin.name} · ${admin.email} · undangan belum diterima`);
}

/** ADMIN_AGENCY adds a work unit (satker) on /admin/organisasi. */
export async function addWorkUnit(page: Page, code: string, name: string) {
  await page.goto("/admin/organisasi");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Tambah satker" }) });
  await form.getByLabel("Kode satker").fill(code);
  await form.getByLabel("Nama satker").fill(name);
  await form.getByRole("button", { name: "Tambah satker" }).click();
  await expect(page.getByTestId("work-unit-card").filter({ hasText: name })).toContainText(code);
}

/** ADMIN_AGENCY adds a person with one role ("PPK", "Anggota Pokja"…); a new address is invited. */
export async function addAgencyPerson(page: Page, person: Person, role: string, skNumber: string) {
  await page.goto("/admin/organisasi");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Tambahkan" }) });
  await fillPerson(form, person);
  await form.getByLabel("Peran").selectOption({ label: role });
  await form.getByLabel("Nomor SK").fill(skNumber);
  await form.getByRole("button", { name: "Tambahkan" }).click();
  await expect(page.getByText("Undangan dikirim dan peran diberikan.")).toBeVisible();
  const card = page.getByTestId("person-card").filter({ hasText: person.email });
  await expect(card).toContainText("undangan belum diterima");
  await expect(card).toContainText(role);
}

/** ADMIN_AGENCY forms a Pokja from `members` (the first leads) with its decree, on /admin/pokja. */
export async function formPokja(
  page: Page,
  pokja: { name: string; skNumber: string; skDate: string },
  members: Person[],
) {
  await page.goto("/admin/pokja");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Bentuk Pokja" }) });
  await form.getByLabel("Nama Pokja").fill(pokja.name);
  await form.getByLabel("Nomor SK Pokja").fill(pokja.skNumber);
  await form.getByLabel("Tanggal SK").fill(pokja.skDate);
  for (const member of members) await form.getByRole("checkbox", { name: member.name }).check();
  await form.getByLabel(`Jadikan ${members[0]!.name} ketua`).check();
  await form.getByRole("button", { name: "Bentuk Pokja" }).click();
  await expect(page.getByText("Pokja dibentuk.")).toBeVisible();
  const card = page.getByTestId("pokja-card").filter({ hasText: pokja.name });
  await expect(card).toContainText(`${members.length} anggota`);
  await expect(card.getByTestId("pokja-sk")).toHaveText(`SK ${pokja.skNumber} tanggal ${pokja.skDate}`);
}

/** A Pokja member sets the opening passphrase the tender's sealed bids need (decision 0005). */
export async function setOpeningPassphrase(page: Page, passphrase: string) {
  await page.goto("/akun/kunci-pembukaan");
  await page.getByLabel("Kata sandi pembukaan", { exact: true }).fill(passphrase);
  await page.getByLabel("Ulangi kata sandi pembukaan").fill(passphrase);
  await page.getByRole("button", { name: "Simpan kunci pembukaan" }).click();
  await expect(page.getByText("Kunci pembukaan tersimpan.")).toBeVisible();
}
