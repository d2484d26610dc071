import type { Page } from "@playwright/test";
import { DEMO_OPENING_PASSPHRASE } from "../../prisma/seed/demo-people";
import { SUBMIT_GRACE_MS } from "../../src/modules/bids/domain/bid-rules";
import { expect, test } from "./fixtures";
import { asUser, checkSurely, reloadUntil, sendBid, signIn, signOut, sql, uploadBidFiles } from "./helpers";
import { approveWinnerProposal, proposeWinner, proveRankedBids, saveEvaluation } from "./award-steps";
import { createPaket, handOver, opensNow, setUpAndPublish } from "./tender-setup";

// A tender and its tender ulang both fail; the PA/KPA approves penunjukan langsung
// (Perpres 16/2018 Pasal 38 ayat (5)); the Pokja invites one verified vendor, which sends
// a sealed offer; the Pokja opens, evaluates and negotiates it, sets the winner by
// majority, and the PPK issues the SPPBJ at the agreed price. The public sees it as
// non-tender. Deadlines are passed by moving the stage's end, not the shared clock.

const VENDOR = { email: "penyedia2@segel.test", company: "CV Sinar Makassar Abadi" };
const POKJA = ["pokja1.jayapura@segel.test", "pokja2.jayapura@segel.test"];

const tenderRow = async (where: string, value: string) =>
  (
    await sql<{ id: string; code: string; status: string; winner: string | null }>(
      `SELECT id, code, status::text, "winnerBidId"::text AS winner FROM "Tender" WHERE ${where} = $1`,
      [value],
    )
  )[0]!;

/** The Pokja declares the announced tender failed (an error in the selection documents). */
async function declareFailed(page: Page, code: string) {
  const { id } = await tenderRow("code", code);
  await page.goto(`/pokja/tender/${id}`);
  await page.getByLabel("Alasan kegagalan").selectOption("DOCUMENT_ERROR");
  await page
    .getByLabel("Uraian alasan (dipublikasikan)")
    .fill("Spesifikasi teknis dalam dokumen pemilihan bertentangan dengan KAK.");
  await page.getByRole("button", { name: "Nyatakan gagal" }).click();
  await expect.poll(async () => (await tenderRow("code", code)).status).toBe("FAILED");
}

test("a failed tender ulang goes to penunjukan langsung: invitation, sealed offer, opening, negotiation, award, SPPBJ, listed as non-tender", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await signIn(page, "ppk.jayapura@segel.test");
  await createPaket(page, {
    name: "Pengadaan Genset Puskesmas Waibu",
    category: "BARANG",
    pagu: "450.000.000",
    unitPrice: "440.000.000",
    method: /Tender/,
  });
  const first = (await handOver(page, "Pokja Pemilihan"))!;
  await signOut(page);

  // The tender and its tender ulang are announced and fail.
  await signIn(page, POKJA[0]!);
  page.on("dialog", (dialog) => void dialog.accept().catch(() => {}));
  await setUpAndPublish(page, first);
  await declareFailed(page, first);
  await page.getByRole("button", { name: "Buat tender ulang" }).click();
  await expect
    .poll(
      async () =>
        (
          await sql(`SELECT 1 FROM "Tender" t JOIN "Tender" p ON p.id = t."previousTenderId" WHERE p.code = $1`, [
            first,
          ])
        ).length,
    )
    .toBe(1);
  const again = (
    await sql<{ code: string }>(
      `SELECT t.code FROM "Tender" t JOIN "Tender" p ON p.id = t."previousTenderId" WHERE p.code = $1`,
      [first],
    )
  )[0]!.code;
  await setUpAndPublish(page, again);
  await declareFailed(page, again);

  // The Pokja asks the PA/KPA for penunjukan langsung, naming no vendor.
  await page
    .getByLabel("Alasan penunjukan langsung")
    .fill("Tender ulang gagal; genset dibutuhkan sebelum musim hujan, penyedia lokal tersedia.");
  await page.getByRole("button", { name: "Kirim usulan penunjukan langsung" }).click();
  await expect(page.getByText("Usulan terkirim kepada PA/KPA.")).toBeVisible();
  await signOut(page);

  const failedAgain = await tenderRow("code", again);
  await asUser(browser, "kpa.jayapura@segel.test", async (kpa) => {
    await kpa.goto("/kpa");
    // the card of this request (another journey's may be waiting too)
    const card = kpa
      .locator("div")
      .filter({ hasText: again })
      .filter({ has: kpa.getByRole("button", { name: "Simpan keputusan" }) })
      .last();
    await card.getByLabel("Setujui").check();
    await card
      .getByLabel("Catatan keputusan")
      .fill("Disetujui sesuai Pasal 38 ayat (5) Perpres 16/2018 jo. Perpres 12/2021.");
    await card.getByRole("button", { name: "Simpan keputusan" }).click();
    // the approval creates the penunjukan langsung as a draft tender
    await expect
      .poll(
        async () =>
          (
            await sql(`SELECT 1 FROM "Tender" WHERE "previousTenderId" = $1 AND method = 'PENUNJUKAN_LANGSUNG'`, [
              failedAgain.id,
            ])
          ).length,
      )
      .toBe(1);
  });
  const pl = (
    await sql<{ id: string; code: string }>(`SELECT id, code FROM "Tender" WHERE "previousTenderId" = $1`, [
      failedAgain.id,
    ])
  )[0]!;

  // The Pokja names the vendor, prepares the documents and the schedule, and sends the invitation.
  await signIn(page, POKJA[0]!);
  await page.goto(`/pokja/tender/${pl.id}`);
  await page.getByLabel("Penyedia terverifikasi").selectOption({ label: VENDOR.company });
  await page.getByRole("button", { name: "Tetapkan penyedia" }).click();
  await expect(page.getByText(`Penyedia yang diundang: ${VENDOR.company}`)).toBeVisible();
  await setUpAndPublish(page, pl.code);
  expect(
    await sql(
      `SELECT v.name FROM "TenderParticipant" p JOIN "Vendor" v ON v.id = p."vendorId" WHERE p."tenderId" = $1`,
      [pl.id],
    ),
  ).toEqual([{ name: VENDOR.company }]);
  await signOut(page);

  // Another vendor cannot take part.
  await asUser(browser, "penyedia4@segel.test", async (other) => {
    await other.goto(`/tender/${pl.code}`);
    // the page asks the server what this visitor may do: nothing
    await expect(other.getByText("Pendaftaran peserta untuk tender ini sudah ditutup.")).toBeVisible();
    await expect(other.getByRole("button", { name: "Ikut tender ini" })).toHaveCount(0);
  });

  // The invited vendor is told, and sends its sealed offer in the offer window.
  await opensNow(pl.code, "UNDANGAN");
  await opensNow(pl.code, "UPLOAD_PENAWARAN");
  await asUser(browser, VENDOR.email, async (vendor) => {
    await vendor.goto("/kotak-masuk");
    await expect(vendor.getByText(`Undangan penunjukan langsung: ${pl.code}`).first()).toBeVisible();
    await uploadBidFiles(vendor, pl.code, "430.000.000", ["Harga"]);
    await sendBid(vendor, "430.000.000");
  });

  // The deadline passes (the stages before it ended too); the Pokja opens the offer (2 of 3 keys).
  await sql(
    `UPDATE "TenderStage" s SET "startsAt" = segel_now() - interval '27 hours', "endsAt" = segel_now() - interval '26 hours'
     FROM "Tender" t WHERE t.id = s."tenderId" AND t.code = $1 AND s.kind IN ('UNDANGAN', 'PEMBERIAN_PENJELASAN')`,
    [pl.code],
  );
  await sql(
    `UPDATE "TenderStage" s SET "startsAt" = segel_now() - interval '25 hours', "endsAt" = segel_now() - make_interval(secs => $2::int / 1000.0)
     FROM "Tender" t WHERE t.id = s."tenderId" AND t.code = $1 AND s.kind = 'UPLOAD_PENAWARAN'`,
    [pl.code, SUBMIT_GRACE_MS + 60_000],
  );
  // the opening stage begins at the deadline, as the schedule had it: the clock then implies evaluation
  await sql(
    `UPDATE "TenderStage" s SET "startsAt" = u."endsAt" FROM "Tender" t, "TenderStage" u
     WHERE t.id = s."tenderId" AND t.code = $1 AND s.kind = 'PEMBUKAAN' AND u."tenderId" = t.id AND u.kind = 'UPLOAD_PENAWARAN'`,
    [pl.code],
  );
  await sql(`UPDATE "Tender" SET "nextCheckAt" = segel_now() WHERE code = $1`, [pl.code]);
  await expect.poll(async () => (await tenderRow("code", pl.code)).status, { timeout: 20_000 }).toBe("EVALUATION");
  for (const [i, member] of POKJA.entries()) {
    await asUser(browser, member, async (p) => {
      await p.goto(`/pokja/pembukaan/${pl.id}`);
      await p.getByLabel("Kata sandi pembukaan").fill(DEMO_OPENING_PASSPHRASE);
      await p.getByRole("button", { name: "Setujui pembukaan" }).click();
      await expect(p.getByText(`${i + 1} dari 2 persetujuan yang diperlukan`)).toBeVisible();
    });
  }
  await expect
    .poll(async () => (await sql(`SELECT 1 FROM "Tender" WHERE id = $1 AND "openedAt" IS NOT NULL`, [pl.id])).length)
    .toBe(1);
  const [bid] = await sql<{ id: string }>(`SELECT id FROM "Bid" WHERE "tenderId" = $1 AND status = 'SUBMITTED'`, [
    pl.id,
  ]);

  // Evaluation, klarifikasi dan negosiasi, and the proposal of the winner.
  await asUser(browser, POKJA[0]!, async (p) => {
    for (const stage of ["Administrasi", "Kualifikasi", "Teknis", "Harga"]) {
      await p.goto(`/pokja/evaluasi/${pl.id}`);
      await expect(p.getByRole("heading", { name: `Evaluasi tahap ${stage}` })).toBeVisible();
      const row = p.getByTestId(`row-${bid!.id}`);
      await checkSurely(row.getByLabel("Lulus", { exact: true }));
      await row.getByLabel("Alasan").fill(`Memenuhi syarat tahap ${stage.toLowerCase()} sesuai dokumen pemilihan.`);
      await saveEvaluation(row, bid!.id, stage);
    }
    await p.reload();
    await p.getByRole("button", { name: "Hitung peringkat" }).click();
    await expect
      .poll(async () => (await sql(`SELECT 1 FROM "Bid" WHERE id = $1 AND rank IS NOT NULL`, [bid!.id])).length)
      .toBe(1);
    await proveRankedBids(p, pl.id);

    await p.goto(`/pokja/tender/${pl.id}`);
    await p.getByLabel("Harga yang disepakati (Rp)").fill("415.000.000");
    await p
      .getByLabel("Berita acara klarifikasi dan negosiasi")
      .fill("Klarifikasi teknis sesuai spesifikasi; harga turun setelah negosiasi biaya pengiriman.");
    await p.getByRole("button", { name: "Catat hasil negosiasi" }).click();
    await expect(p.getByText("Harga yang disepakati Rp415.000.000", { exact: false })).toBeVisible();

    await proposeWinner(p, pl.id);
  });
  await asUser(browser, POKJA[1]!, (p) => approveWinnerProposal(p, pl.id));
  await expect.poll(async () => (await tenderRow("code", pl.code)).winner, { timeout: 20_000 }).toBe(bid!.id);
  await asUser(browser, POKJA[0]!, async (p) => {
    await p.goto(`/pokja/evaluasi/${pl.id}`);
    await p.getByRole("button", { name: "Umumkan pemenang" }).click();
    await expect.poll(async () => (await tenderRow("code", pl.code)).status).toBe("AWARDED");
  });

  // No sanggah: the PPK issues the SPPBJ at once, at the agreed price.
  await asUser(browser, "ppk.jayapura@segel.test", async (p) => {
    await p.goto(`/ppk/sppbj/${pl.id}`);
    await p.getByRole("button", { name: "Terbitkan SPPBJ" }).click();
    await expect.poll(async () => (await tenderRow("code", pl.code)).status).toBe("COMPLETED");
  });
  const [issued] = await sql<{ price: string }>(
    `SELECT data->>'price' AS price FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'sppbj.issued'`,
    [pl.id],
  );
  expect(issued).toEqual({ price: "415000000" });

  // The public sees it as non-tender, with the vendor and price, and not in the tender list.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/non-tender");
  const listed = visitor
    .getByRole("table", { name: "Daftar penunjukan langsung" })
    .getByRole("row")
    .filter({ hasText: pl.code });
  await reloadUntil(visitor, () => expect(listed).toContainText(VENDOR.company, { timeout: 1000 }));
  await expect(listed).toContainText("Rp415.000.000");
  await expect(listed).toContainText("SPPBJ terbit");
  await visitor.goto(`/tender?q=${pl.code}`);
  await expect(visitor.getByRole("link", { name: new RegExp(pl.code) })).toHaveCount(0);
});
