import { expect, test } from "./fixtures";
import { asUser, reloadUntil, sql } from "./helpers";

// Issue 15, the daftar hitam: the LPSE's Verifikator enters a demo company on the blacklist in
// the browser, the public /daftar-hitam shows it (NPWP masked, decree, in force), the company
// sees why on its profile and is refused when it tries to register for an open tender, with
// the decree in the message. The entry is lifted at the end (entries are never deleted).

const TENDER = "2026000006"; // seeded: Pengadaan Obat dan BMHP, upload open
const VENDOR = { email: "penyedia5@segel.test", name: "PT Konsultan Teknik Mandiri", npwp: "02.123.456.7-890.000" };
const DECREE = `SK-DH/E2E/${Date.now()}`;

/** Today and a year on, as calendar days in the LPSE's zone by the portal's clock. */
async function sanctionDays() {
  const [row] = await sql<{ first: string; last: string }>(
    `SELECT to_char(segel_now() AT TIME ZONE l."timeZone", 'YYYY-MM-DD') AS first,
            to_char((segel_now() AT TIME ZONE l."timeZone") + interval '364 days', 'YYYY-MM-DD') AS last
     FROM "LpseInstance" l ORDER BY l."createdAt" LIMIT 1`,
  );
  return row!;
}

test.afterAll(async () => {
  // should the journey stop half-way, the demo company is not left blacklisted for the journeys after it
  await sql(
    `UPDATE "BlacklistEntry" SET "liftedAt" = segel_now(), "liftedById" = "createdById", "liftReason" = 'e2e cleanup'
     WHERE "decreeNumber" = $1 AND "liftedAt" IS NULL`,
    [DECREE],
  );
});

test("a Verifikator blacklists a company; the public list shows it and the company cannot register for a tender", async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const { first, last } = await sanctionDays();

  await asUser(browser, "verifikator@segel.test", async (staff) => {
    await staff.goto("/daftar-hitam/kelola");
    await staff.getByLabel("Ditetapkan oleh").selectOption({ label: "LPSE (daftar hitam nasional)" });
    await staff.getByLabel("NPWP penyedia").fill(VENDOR.npwp);
    await staff.getByLabel("Nama penyedia").fill(VENDOR.name);
    await staff.getByLabel("Nomor SK penetapan sanksi").fill(DECREE);
    await staff.getByLabel("Dasar hukum").fill("Perpres 16/2018 Pasal 78 ayat (3) huruf a");
    await staff.getByLabel("Alasan", { exact: true }).fill("Menyampaikan dokumen kualifikasi yang tidak benar.");
    await staff.getByLabel("Hari pertama sanksi").fill(first);
    await staff.getByLabel("Hari terakhir sanksi").fill(last);
    await staff.getByRole("button", { name: "Catat dalam daftar hitam" }).click();
    await expect(staff.getByText("Entri dicatat dan diumumkan di daftar hitam publik.")).toBeVisible();
  });

  // The public list, no sign-in: the company, its NPWP masked, the decree, in force.
  await page.goto("/daftar-hitam");
  const row = page.getByRole("row").filter({ hasText: DECREE });
  await reloadUntil(page, async () => {
    await expect(row).toBeVisible({ timeout: 2_000 });
  });
  await expect(row).toContainText(VENDOR.name);
  await expect(row).toContainText("02**********000");
  await expect(row).toContainText("Berlaku");
  await expect(row).toContainText("LPSE (daftar hitam nasional)");
  await expect(page.getByText("021234567890000")).toHaveCount(0);
  // the search by the whole NPWP finds it
  await page.getByLabel("Cari nama perusahaan atau NPWP lengkap").fill(VENDOR.npwp);
  // the list's own search (the header has a search of tenders too)
  await page.getByRole("region", { name: "Daftar Hitam" }).getByRole("button", { name: "Cari", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: DECREE })).toBeVisible();

  // The company: told on its profile, and refused at registration with the decree.
  await asUser(browser, VENDOR.email, async (vendor) => {
    await vendor.goto("/penyedia/profil");
    await expect(vendor.getByText("Perusahaan Anda tercantum dalam daftar hitam")).toBeVisible();
    await vendor.goto(`/tender/${TENDER}`);
    await vendor.getByRole("button", { name: "Ikut tender ini" }).click();
    const refusal = vendor.getByTestId("register-error");
    await expect(refusal).toContainText("daftar hitam");
    await expect(refusal).toContainText(DECREE);
  });
  const registered = await sql(
    `SELECT 1 FROM "TenderParticipant" p JOIN "Tender" t ON t.id = p."tenderId" JOIN "Vendor" v ON v.id = p."vendorId"
     WHERE t.code = $1 AND v.npwp = '021234567890000'`,
    [TENDER],
  );
  expect(registered).toHaveLength(0);

  // Lifted early with a reason: it stays on the list, marked lifted.
  await asUser(browser, "verifikator@segel.test", async (staff) => {
    await staff.goto("/daftar-hitam/kelola");
    const entry = staff.getByRole("row").filter({ hasText: DECREE });
    await entry.getByLabel("Alasan pengangkatan").fill("SK sanksi dicabut oleh PA/KPA.");
    await entry.getByRole("button", { name: "Angkat sanksi" }).click();
    // the page renders again at once: the row is marked lifted and its lift form is gone
    await expect(entry).toContainText("Diangkat");
    await expect(entry.getByRole("button", { name: "Angkat sanksi" })).toHaveCount(0);
  });
  await reloadUntil(page, async () => {
    await expect(page.getByRole("row").filter({ hasText: DECREE })).toContainText("Diangkat", { timeout: 2_000 });
  });
});
