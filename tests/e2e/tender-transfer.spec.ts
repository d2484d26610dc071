import path from "node:path";
import { DEMO_OPENING_PASSPHRASE } from "../../prisma/seed/demo-people";
import { SUBMIT_GRACE_MS } from "../../src/modules/bids/domain/bid-rules";
import { expect, test } from "./fixtures";
import { asUser, joinTender, reloadUntil, submitBid } from "./helpers";
import { createAgency } from "./empty-instance/organisation";
import { createInstance, type StoppableInstance } from "./stoppable-instance";
import { acceptInvitationOn, onInstance, signInStaff, type Staff } from "./transfer-steps";

// Issue 13, journey 2: a tender with sealed bids leaves one LPSE for another. The source is a
// demo instance, the destination an empty one, both started by this test
// (tests/e2e/stoppable-instance.ts). Exported with the command, imported by the receiving
// administrator naming the source key's fingerprint, marked as moved at the source (a public
// pointer); at the destination the same Pokja members open the bids with the SAME
// passphrases, and a receipt the source signed verifies there.

const TENDER = "2026000006"; // seeded: Pengadaan Obat dan BMHP, upload open, nobody has bid yet
const BIDS = [
  { email: "penyedia4@segel.test", company: "PT Medika Sehat Sentosa", price: "4.875.000.000" },
  { email: "penyedia2@segel.test", company: "CV Sinar Makassar Abadi", price: "4.990.500.000" },
];
const ADMIN: Staff = {
  email: "admin@lpse.provinsi.contoh.go.id",
  name: "Fitri Handayani",
  password: "lada hitam dari tanah lampung",
};
// the tender's Pokja in the demo: invited on the destination by the import, same e-mail
const POKJA: Staff[] = [
  { email: "pokja1.sulsel@segel.test", name: "", password: "perahu phinisi di pelabuhan paotere" },
  { email: "pokja2.sulsel@segel.test", name: "", password: "pisang epe di pantai losari malam" },
];
const AGENCY = {
  code: "PROV-CONTOH",
  name: "Pemerintah Provinsi Contoh",
  kind: "PEMDA_PROVINSI",
  timeZone: "Asia/Makassar",
} as const;

let source: StoppableInstance;
let destination: StoppableInstance;

test.beforeAll(async () => {
  test.setTimeout(420_000);
  [source, destination] = await Promise.all([createInstance({ demo: true }), createInstance({ demo: false })]);
  await Promise.all([source.start(), destination.start()]);
});
test.afterAll(async () => {
  await Promise.all([source?.close(), destination?.close()]);
});

test("a tender with sealed bids moves to another LPSE and is opened there with the same passphrases", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const out = test.info().outputDir;

  // Two vendors bid at the source; the first keeps its signed receipt.
  const receipt = path.join(out, "tanda-terima-sumber.json");
  for (const [i, bid] of BIDS.entries())
    await asUser(
      browser,
      bid.email,
      async (page) => {
        await joinTender(page, TENDER);
        await submitBid(page, TENDER, bid.price);
        if (i > 0) return;
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("link", { name: "Unduh tanda terima" }).click(),
        ]);
        await download.saveAs(receipt);
      },
      { baseURL: source.url },
    );

  // The source's operator exports the tender; its key's fingerprint reaches the destination out of band.
  const bundle = path.join(out, `tender-${TENDER}.tar`);
  const exported = source.segel(["tender", "export", "--code", TENDER, "--out", bundle]);
  expect(exported.status, exported.output).toBe(0);
  const manifestSha256 = /manifest sha256: ([0-9a-f]{64})/.exec(exported.output)?.[1];
  expect(manifestSha256, exported.output).toBeTruthy();
  const { fingerprint } = (await (await fetch(`${source.url}/api/instance-key`)).json()) as { fingerprint: string };

  // The destination: its first administrator (the command), an agency for the tender, the import.
  const made = destination.segel(
    ["admin", "create", "--email", ADMIN.email, "--name", ADMIN.name, "--password-stdin"],
    `${ADMIN.password}\n`,
  );
  expect(made.status, made.output).toBe(0);
  await onInstance(browser, destination, async (page) => {
    await signInStaff(page, ADMIN);
    await createAgency(page, AGENCY);
  });
  // the destination's own key exists once its portal has served it (the import refuses without it)
  expect((await fetch(`${destination.url}/api/instance-key`)).status).toBe(200);
  const imported = destination.segel([
    "tender",
    "import",
    "--in",
    bundle,
    "--source-key",
    fingerprint,
    "--agency",
    AGENCY.code,
    "--admin",
    ADMIN.email,
  ]);
  expect(imported.status, imported.output).toBe(0);
  const [moved] = await destination.sql<{ id: string; status: string }>(
    `SELECT id, status::text FROM "Tender" WHERE code = $1`,
    [TENDER],
  );
  expect(moved).toMatchObject({ status: "PUBLISHED" });
  expect(
    await destination.sql(`SELECT count(*)::int AS n FROM "Bid" WHERE "tenderId" = $1 AND status = 'SUBMITTED'`, [
      moved!.id,
    ]),
  ).toEqual([{ n: 2 }]);

  // The source marks it as moved: a public pointer to the new home, and no more changes there.
  const destinationUrl = `${destination.url}/tender/${TENDER}`;
  await asUser(
    browser,
    "admin.lpse@segel.test",
    async (page) => {
      await page.goto(`/admin/pindah-tender?kode=${TENDER}`);
      await page.getByLabel("Nama LPSE penerima").fill("LPSE Provinsi Contoh");
      await page.getByLabel("Alamat tender di LPSE penerima").fill(destinationUrl);
      await page.getByLabel("SHA-256 manifest paket").fill(manifestSha256!);
      await page.getByRole("button", { name: "Tandai dipindahkan" }).click();
      // the page, refreshed, states the move in place of the form
      await expect(
        page.getByRole("status").filter({ hasText: "Tender ini sudah dipindahkan ke LPSE Provinsi Contoh" }),
      ).toBeVisible();
      await expect(page.getByRole("button", { name: "Tandai dipindahkan" })).toHaveCount(0);
    },
    { baseURL: source.url },
  );
  expect(await source.sql(`SELECT status::text FROM "Tender" WHERE code = $1`, [TENDER])).toEqual([
    { status: "TRANSFERRED" },
  ]);
  await onInstance(browser, source, async (page) => {
    await page.goto(`/tender/${TENDER}`);
    await reloadUntil(page, () =>
      expect(page.getByText("Tender ini dipindahkan ke LPSE Provinsi Contoh")).toBeVisible({ timeout: 1000 }),
    );
    await expect(page.getByRole("link", { name: "Buka tender di LPSE Provinsi Contoh" })).toHaveAttribute(
      "href",
      destinationUrl,
    );
  });

  // The old receipt verifies at the destination: it keeps the source's key.
  await onInstance(browser, destination, async (page) => {
    await page.goto("/verifikasi-tanda-terima");
    await page.getByLabel("Berkas tanda terima").setInputFiles(receipt);
    await page.getByRole("button", { name: "Periksa" }).click();
    // the verdict's status by its text: a bare role=status would also take any other status on the page
    await expect(
      page.getByRole("status").filter({
        hasText:
          "Tanda terima asli dan tidak diubah, ditandatangani oleh LPSE Segel Nusantara: tender ini dipindahkan dari LPSE tersebut ke LPSE ini.",
      }),
    ).toBeVisible();
  });

  // The invited Pokja members set a password (and their second factor) at the destination.
  for (const member of POKJA) await acceptInvitationOn(browser, destination, member);

  // The deadline passes at the destination; two of the three open with the passphrase they had.
  const [stage] = await destination.sql<{ endsAt: Date; now: Date }>(
    `SELECT "endsAt", segel_now() AS now FROM "TenderStage" WHERE "tenderId" = $1 AND kind = 'UPLOAD_PENAWARAN'`,
    [moved!.id],
  );
  await destination.advanceClock(stage!.endsAt.getTime() + SUBMIT_GRACE_MS + 60_000 - stage!.now.getTime());
  await expect
    .poll(
      async () =>
        (await destination.sql<{ status: string }>(`SELECT status::text FROM "Tender" WHERE id = $1`, [moved!.id]))[0]
          ?.status,
      { timeout: 30_000 },
    )
    .toBe("EVALUATION");
  for (const [i, member] of POKJA.entries())
    await onInstance(browser, destination, async (page) => {
      const [clock] = await destination.sql<{ now: Date }>(`SELECT segel_now() AS now`);
      await signInStaff(page, member, clock!.now.getTime());
      await page.goto(`/pokja/pembukaan/${moved!.id}`);
      await page.getByLabel("Kata sandi pembukaan").fill(DEMO_OPENING_PASSPHRASE);
      await page.getByRole("button", { name: "Setujui pembukaan" }).click();
      await expect(page.getByText(`${i + 1} dari 2 persetujuan yang diperlukan`)).toBeVisible();
    });
  await expect
    .poll(
      async () =>
        (await destination.sql(`SELECT 1 FROM "Tender" WHERE id = $1 AND "openedAt" IS NOT NULL`, [moved!.id])).length,
      { timeout: 30_000 },
    )
    .toBe(1);
  const opened = await destination.sql<{ vendor: string; price: string }>(
    `SELECT v.name AS vendor, b."openedPrice"::text AS price FROM "Bid" b JOIN "Vendor" v ON v.id = b."vendorId"
     WHERE b."tenderId" = $1 ORDER BY v.name`,
    [moved!.id],
  );
  expect(opened).toEqual([
    { vendor: BIDS[1]!.company, price: "4990500000" },
    { vendor: BIDS[0]!.company, price: "4875000000" },
  ]);
});
