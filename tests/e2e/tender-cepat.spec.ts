import { DEMO_OPENING_PASSPHRASE } from "../../prisma/seed/demo-people";
import { SUBMIT_GRACE_MS } from "../../src/modules/bids/domain/bid-rules";
import { expect, test } from "./fixtures";
import { asUser, joinTender, reloadUntil, signIn, signOut, sql, submitBid } from "./helpers";
import { approveWinnerProposal, proposeWinner } from "./award-steps";
import { createPaket, handOver, opensNow, PDF } from "./tender-setup";

// A Pokja runs a goods tender as a Tender Cepat (Perpres 16/2018 Pasal 38 ayat (6)):
// bidders must already be qualified, read from their verified profile; the opening
// qualifies them by itself and the lowest price among the qualified wins. The upload
// window is ended by moving the stage's end, not the shared database clock.

const KBLI = "46693"; // seeded: CV Sinar Makassar Abadi and PT Medika Sehat Sentosa hold it, PT Papua Cipta Konstruksi does not
const QUALIFIED = [
  { email: "penyedia2@segel.test", company: "CV Sinar Makassar Abadi", price: "431.000.000" },
  { email: "penyedia4@segel.test", company: "PT Medika Sehat Sentosa", price: "418.500.000" },
];
const UNQUALIFIED = "penyedia3@segel.test";

const tenderRow = async (code: string) =>
  (
    await sql<{ id: string; status: string; method: string; winner: string | null }>(
      `SELECT id, status::text, method::text, "winnerBidId"::text AS winner FROM "Tender" WHERE code = $1`,
      [code],
    )
  )[0]!;

test("a Tender Cepat: chosen by the Pokja, only qualified vendors bid, the opening qualifies them, the lowest price wins", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "ppk.jayapura@segel.test");
  await createPaket(page, {
    name: "Pengadaan Alat Kesehatan Puskesmas Sentani",
    category: "BARANG",
    pagu: "450.000.000",
    unitPrice: "440.000.000",
    method: /Tender/,
  });
  const code = (await handOver(page, "Pokja Pemilihan"))!;
  await signOut(page);

  // The Pokja runs it as a Tender Cepat, asks for a KBLI the verified profile must hold, and announces it.
  await signIn(page, "pokja1.jayapura@segel.test");
  await page.goto("/pokja");
  await page.getByRole("link", { name: `Buka tender ${code}` }).click();
  await page.getByLabel("Tender Cepat", { exact: true }).check();
  await page.getByRole("button", { name: "Simpan metode" }).click();
  await expect(page.getByText("Metode pemilihan tersimpan.")).toBeVisible();
  expect((await tenderRow(code)).method).toBe("TENDER_CEPAT");
  // the selection documents' own form: the cancellation card has an upload button too
  const documentForm = page.locator("form").filter({ has: page.getByLabel("Dokumen pemilihan") });
  await documentForm.getByLabel("Dokumen pemilihan").setInputFiles({ ...PDF, name: `Dokumen Pemilihan ${code}.pdf` });
  await documentForm.getByRole("button", { name: "Unggah dokumen" }).click();
  await expect(page.getByText(`Dokumen Dokumen Pemilihan ${code}.pdf terunggah.`)).toBeVisible();
  await page.getByLabel("Kode KBLI yang wajib dimiliki").fill(KBLI);
  await page.getByLabel("Metode evaluasi").selectOption("HARGA_TERENDAH");
  await page.getByRole("button", { name: "Simpan persiapan" }).click();
  await expect(page.getByText("Persiapan tersimpan.")).toBeVisible();
  await page.getByRole("button", { name: "Simpan jadwal" }).click();
  await expect(page.getByText("Jadwal tersimpan.")).toBeVisible();
  await expect(page.getByText("Semua persyaratan pengumuman terpenuhi.")).toBeVisible();
  await page.getByRole("button", { name: "Umumkan tender" }).click();
  await expect(page.getByRole("heading", { name: "Riwayat perubahan jadwal" })).toBeVisible();
  const tender = await tenderRow(code);
  expect(tender).toMatchObject({ status: "PUBLISHED", method: "TENDER_CEPAT" });

  // The public announcement says Tender Cepat and lists what the profile must hold.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/tender/${code}`);
  await expect(visitor.getByText("Tender Cepat").first()).toBeVisible();
  await expect(visitor.getByText(KBLI).first()).toBeVisible();

  // The upload window opens now by the database clock.
  await opensNow(code, "PENGUMUMAN");
  await opensNow(code, "UPLOAD_PENAWARAN");

  // A vendor whose verified profile lacks the KBLI is refused, told what is missing.
  await asUser(browser, UNQUALIFIED, async (vendor) => {
    await vendor.goto(`/tender/${code}`);
    await vendor.getByRole("button", { name: "Ikut tender ini" }).click();
    await expect(vendor.getByTestId("register-error")).toContainText(`KBLI ${KBLI}`);
  });
  expect(await sql(`SELECT 1 FROM "TenderParticipant" WHERE "tenderId" = $1`, [tender.id])).toHaveLength(0);

  // Two qualified vendors take part: a price only.
  for (const bid of QUALIFIED) {
    await asUser(browser, bid.email, async (vendor) => {
      await joinTender(vendor, code);
      await submitBid(vendor, code, bid.price, ["Harga"]);
    });
  }

  // The deadline passes (the stage's end is moved behind the bids' grace); the worker moves the tender on.
  await sql(
    `UPDATE "TenderStage" s SET "endsAt" = segel_now() - make_interval(secs => $2::int / 1000.0),
       "startsAt" = segel_now() - make_interval(secs => $2::int / 1000.0) - make_interval(hours => s."minHours" + 1)
     FROM "Tender" t WHERE t.id = s."tenderId" AND t.code = $1 AND s.kind = 'UPLOAD_PENAWARAN'`,
    [code, SUBMIT_GRACE_MS + 60_000],
  );
  await sql(`UPDATE "Tender" SET "nextCheckAt" = segel_now() WHERE code = $1`, [code]);
  // the opening itself moves the tender into evaluation; until then it stays PUBLISHED
  for (const [i, member] of ["pokja1.jayapura@segel.test", "pokja2.jayapura@segel.test"].entries()) {
    await asUser(browser, member, async (p) => {
      await p.goto(`/pokja/pembukaan/${tender.id}`);
      await p.getByLabel("Kata sandi pembukaan").fill(DEMO_OPENING_PASSPHRASE);
      await p.getByRole("button", { name: "Setujui pembukaan" }).click();
      await expect(p.getByText(`${i + 1} dari 2 persetujuan yang diperlukan`)).toBeVisible();
    });
  }

  // The opening qualified both bids from their verified profiles, with no Pokja decision.
  const automatic = async () =>
    sql<{ company: string; stage: string; passed: boolean }>(
      `SELECT v.name AS company, e.stage::text, e.passed FROM "Evaluation" e JOIN "Bid" b ON b.id = e."bidId" JOIN "Vendor" v ON v.id = b."vendorId"
       WHERE e."tenderId" = $1 AND e."decidedById" IS NULL AND e.stage = 'KUALIFIKASI' ORDER BY v.name`,
      [tender.id],
    );
  await expect.poll(async () => (await automatic()).length, { timeout: 20_000 }).toBe(2);
  expect(await automatic()).toEqual(QUALIFIED.map((b) => ({ company: b.company, stage: "KUALIFIKASI", passed: true })));

  // Penetapan: the lowest price among the qualified.
  const cheapest = (
    await sql<{ id: string }>(
      `SELECT b.id FROM "Bid" b JOIN "Vendor" v ON v.id = b."vendorId" WHERE b."tenderId" = $1 AND b.status = 'SUBMITTED' AND v.name = $2`,
      [tender.id, QUALIFIED[1]!.company],
    )
  )[0]!.id;
  await asUser(browser, "pokja1.jayapura@segel.test", async (p) => {
    await p.goto(`/pokja/evaluasi/${tender.id}`);
    await p.getByRole("button", { name: "Hitung peringkat" }).click();
    const first = async () =>
      (await sql<{ id: string }>(`SELECT id FROM "Bid" WHERE "tenderId" = $1 AND rank = 1`, [tender.id]))[0]?.id ??
      null;
    await expect.poll(first).toBe(cheapest);
    await proposeWinner(p, tender.id);
  });
  await asUser(browser, "pokja2.jayapura@segel.test", (p) => approveWinnerProposal(p, tender.id));
  await expect.poll(async () => (await tenderRow(code)).winner, { timeout: 20_000 }).toBe(cheapest);
  await reloadUntil(visitor, () => expect(visitor.getByText("Tender Cepat").first()).toBeVisible({ timeout: 1000 }));
});
