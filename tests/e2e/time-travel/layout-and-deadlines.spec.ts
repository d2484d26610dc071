import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { advanceClock, reloadUntil, signIn, sql, submitBid } from "../helpers";

// The deadline a vendor races: times to the second, a countdown by the server's clock,
// pages that change state at a window's edge without a reload, and layouts that keep the
// deadline in view from a phone to a wide desktop.

const TENDER = "2026000002"; // seeded: Jembatan Sungai Cisadane (KEMENPU, WIB); no other journey uses it
const VENDOR = "penyedia1@segel.test";
const WIDTHS = [390, 1280, 1440, 1920] as const;
// How far ahead a window's edge is put: far enough for the page to load before it. The
// test then moves the database clock and the browser's clock past it together (a minute
// of the shared database clock: no other journey has an edge that close).
const LEAD_MS = 60_000;

/**
 * Puts a stage of the tender at [now + fromMs, now + toMs) by the database clock, and
 * keeps the schedule worker off this tender (nextCheckAt NULL), so the test alone moves it.
 * The seed set the schedule through the use case, so each stage carries its procedure's
 * minimum (TenderStage_min_length); a window of a minute needs it lifted for this test.
 */
async function setStage(kind: string, fromMs: number, toMs: number) {
  await sql(`UPDATE "Tender" SET "nextCheckAt" = NULL WHERE code = $1`, [TENDER]);
  const rows = await sql<{ endsAt: Date }>(
    `UPDATE "TenderStage" s SET "minHours" = 0, "startsAt" = segel_now() + $2 * interval '1 millisecond', "endsAt" = segel_now() + $3 * interval '1 millisecond'
     FROM "Tender" t WHERE t.id = s."tenderId" AND t.code = $1 AND s.kind = $4::"StageKind" RETURNING s."endsAt"`,
    [TENDER, fromMs, toMs, kind],
  );
  expect(rows).toHaveLength(1);
}

// setStage rewrites the tender's schedule and stops the worker's looks at it: the seeded
// schedule and next look are put back after this file, so no tender is left stuck.
let seeded: { stages: unknown; nextCheckAt: Date | null } | undefined;
test.beforeAll(async () => {
  [seeded] = await sql<{ stages: unknown; nextCheckAt: Date | null }>(
    `SELECT t."nextCheckAt", (SELECT json_agg(json_build_object('id', s.id, 'startsAt', s."startsAt", 'endsAt', s."endsAt", 'minHours', s."minHours"))
       FROM "TenderStage" s WHERE s."tenderId" = t.id) AS stages FROM "Tender" t WHERE t.code = $1`,
    [TENDER],
  );
});
test.afterAll(async () => {
  if (!seeded) return;
  await sql(
    `UPDATE "TenderStage" s SET "startsAt" = x."startsAt", "endsAt" = x."endsAt", "minHours" = x."minHours"
     FROM json_to_recordset($1::json) AS x(id uuid, "startsAt" timestamptz, "endsAt" timestamptz, "minHours" int) WHERE s.id = x.id`,
    [JSON.stringify(seeded.stages)],
  );
  await sql(`UPDATE "Tender" SET "nextCheckAt" = $2 WHERE code = $1`, [TENDER, seeded.nextCheckAt]);
});

/** Registers the signed-in vendor for the tender unless an earlier test did. */
async function ensureJoined(page: Page) {
  await page.goto(`/tender/${TENDER}`);
  const join = page.getByRole("button", { name: "Ikut tender ini" });
  // the page is shared by every visitor; the browser then asks for this vendor's state
  await expect(join.or(page.getByTestId("participant-registered"))).toBeVisible();
  if (await join.isVisible()) {
    await join.click();
    await expect(page.getByTestId("participant-registered")).toBeVisible();
  }
}

const tenderId = async () => (await sql<{ id: string }>(`SELECT id FROM "Tender" WHERE code = $1`, [TENDER]))[0]!.id;

/** The page's width against the window's, and every deadline cell's text against its box. */
async function measure(page: Page, deadlineCells: string) {
  return page.evaluate((selector) => {
    const root = document.documentElement;
    const cells = [...document.querySelectorAll<HTMLElement>(selector)];
    // the widest elements, to say what pushes the page wider when it does
    const wide = [...document.body.querySelectorAll<HTMLElement>("*")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 120));
    return {
      scrollWidth: root.scrollWidth,
      innerWidth: window.innerWidth,
      wide,
      cells: cells.map((cell) => {
        const box = cell.closest("[role=region]")?.getBoundingClientRect();
        const rect = cell.getBoundingClientRect();
        return {
          text: cell.innerText,
          clipped: cell.scrollWidth > cell.clientWidth,
          // in view without scrolling the table's own box
          hidden: box ? rect.right > box.right + 0.5 || rect.left < box.left - 0.5 : false,
        };
      }),
    };
  }, deadlineCells);
}

test("the tender list and an announcement fit the screen at 390, 1280, 1440 and 1920 px, deadlines in full", async ({
  page,
}) => {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const [path, cells] of [
      ["/", "[data-testid=tender-deadline]"],
      ["/tender", "[data-testid=tender-deadline]"],
      [`/tender/${TENDER}`, "[data-testid=schedule] tbody td:last-child"],
    ] as const) {
      await page.goto(path);
      const m = await measure(page, cells);
      expect
        .soft(m.scrollWidth, `${path} at ${width} px is wider than the screen: ${m.wide.join(" | ")}`)
        .toBeLessThanOrEqual(m.innerWidth);
      expect.soft(m.cells.length, `${path} shows deadlines`).toBeGreaterThan(0);
      for (const cell of m.cells) {
        expect.soft(cell.clipped, `${path} at ${width} px cuts "${cell.text}"`).toBe(false);
        // in view on a desktop; on a phone a table may scroll inside its own box
        if (width >= 1280) expect.soft(cell.hidden, `${path} at ${width} px hides "${cell.text}"`).toBe(false);
      }
    }
  }
});

test("a deadline with seconds is shown with them, on the list, the announcement and the bid page, and the receipt is stamped to the second", async ({
  page,
}) => {
  await signIn(page, VENDOR);
  await ensureJoined(page);
  // upload open now, closing in three days at hh.mm.01
  await setStage("UPLOAD_PENAWARAN", -60_000, 3 * 86_400_000);
  const [deadline] = await sql<{ wall: string }>(
    `UPDATE "TenderStage" s SET "endsAt" = date_trunc('minute', s."endsAt") + interval '1 second' FROM "Tender" t
     WHERE t.id = s."tenderId" AND t.code = $1 AND s.kind = 'UPLOAD_PENAWARAN'
     RETURNING to_char(s."endsAt" AT TIME ZONE 'Asia/Jakarta', 'HH24.MI.SS') AS wall`,
    [TENDER],
  );
  const shown = `${deadline!.wall} WIB`;
  expect(shown).toMatch(/^\d\d\.\d\d\.01 WIB$/);

  // public pages are one page for everyone, kept up to 5 s (decision 0016): the schedule
  // has just changed in the database, so they show it within the window, as a reload would
  await page.goto("/tender");
  await reloadUntil(page, () =>
    expect(page.getByRole("row").filter({ hasText: TENDER }).getByTestId("tender-deadline")).toContainText(shown, {
      timeout: 1000,
    }),
  );
  await page.goto(`/tender/${TENDER}`);
  await reloadUntil(page, () =>
    expect(page.getByTestId("announcement-deadline")).toContainText(shown, { timeout: 1000 }),
  );
  await expect(page.getByTestId("schedule")).toContainText(shown);

  await submitBid(page, TENDER, "9.000.000.000");
  await expect(page.getByTestId("bid-deadline")).toContainText(shown);
  const [bid] = await sql<{ wall: string }>(
    `SELECT to_char(b."submittedAt" AT TIME ZONE 'Asia/Jakarta', 'HH24.MI.SS') AS wall FROM "Bid" b JOIN "Tender" t ON t.id = b."tenderId"
     WHERE t.code = $1 AND b.status = 'SUBMITTED'`,
    [TENDER],
  );
  await expect(page.getByTestId("receipt-submitted-at")).toContainText(`${bid!.wall} WIB`);
});

test("at the deadline the bid page closes and the announcement moves on, by the server's clock whatever the browser's, without a reload", async ({
  browser,
  page,
}) => {
  await signIn(page, VENDOR);
  await ensureJoined(page);
  // Neither browser's clock is right: the vendor's is ten minutes slow, the onlooker's
  // ten minutes fast. Only the server's clock may decide what they see.
  const onlooker = await (await browser.newContext()).newPage();
  await page.clock.install({ time: Date.now() - 10 * 60_000 });
  await onlooker.clock.install({ time: Date.now() + 10 * 60_000 });
  await setStage("UPLOAD_PENAWARAN", -60_000, LEAD_MS);
  await page.goto(`/penyedia/penawaran/${await tenderId()}`);
  // an anonymous visitor may be served the page as it was a few seconds ago (the page cache)
  await expect(async () => {
    await onlooker.goto(`/tender/${TENDER}`);
    await expect(onlooker.getByTestId("countdown")).toHaveText(/^00\.0[01]\.\d\d$/, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(onlooker.getByTestId("current-stage")).toContainText("Upload dokumen penawaran");
  // marks that vanish if either page reloads
  for (const p of [page, onlooker])
    await p.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const send = page.getByRole("button", { name: "Kirim penawaran" });
  await expect(page.getByTestId("window-status")).toContainText("sedang dibuka");
  await expect(send).toBeEnabled();
  // a minute left by the server's clock, not eleven (slow browser) or none (fast browser)
  for (const p of [page, onlooker]) await expect(p.getByTestId("countdown")).toHaveText(/^00\.0[01]\.\d\d$/);

  // the minute passes, for the database and for both browsers
  await advanceClock(LEAD_MS);
  for (const p of [page, onlooker]) await p.clock.fastForward(LEAD_MS);
  await expect(page.getByTestId("window-status")).toContainText("telah lewat");
  await expect(page.getByTestId("countdown")).toHaveText("Batas akhir telah lewat");
  // disabled at once, then gone when the page's refresh arrives
  await expect
    .poll(() => send.evaluateAll((buttons) => buttons.every((b) => (b as HTMLButtonElement).matches(":disabled"))))
    .toBe(true);
  await expect(onlooker.getByTestId("current-stage")).not.toContainText("Upload dokumen penawaran");
  await expect(onlooker.getByTestId("countdown")).toHaveText("Batas akhir telah lewat");
  await expect(send).toHaveCount(0);
  for (const p of [page, onlooker])
    expect(await p.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await onlooker.context().close();
});

test("the question form appears when the explanation window opens and goes when it closes, without a reload", async ({
  page,
}) => {
  await signIn(page, VENDOR);
  await ensureJoined(page);
  await setStage("PEMBERIAN_PENJELASAN", LEAD_MS, 2 * LEAD_MS);
  await page.clock.install();
  await page.goto(`/penyedia/tender/${await tenderId()}/penjelasan`);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const question = page.getByLabel("Pertanyaan", { exact: true });
  await expect(page.getByTestId("ask-closed")).toBeVisible();
  await expect(question).toHaveCount(0);

  // the window opens
  await advanceClock(LEAD_MS);
  await page.clock.fastForward(LEAD_MS);
  await expect(question).toBeVisible();
  await expect(page.getByRole("button", { name: "Kirim pertanyaan" })).toBeEnabled();

  // and closes
  await advanceClock(LEAD_MS);
  await page.clock.fastForward(LEAD_MS);
  await expect(question).toHaveCount(0);
  await expect(page.getByTestId("ask-closed")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});
