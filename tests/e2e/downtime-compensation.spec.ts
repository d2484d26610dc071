import { expect, test } from "./fixtures";
import { asUser, joinTender, reloadUntil, sendBid, submitBid, uploadBidFiles } from "./helpers";
import type { StatusJson } from "../../src/modules/availability/server/status-json";
import { createInstance, type StoppableInstance } from "./stoppable-instance";

// Issue 13, journey 1: bids are being uploaded when the portal (web and worker) goes down
// for longer than the threshold; when it comes back the bid deadline has moved by the rule,
// the public schedule says why, the bidders were told, /status shows the incident, and a
// vendor still uploading can send before the new deadline. On an instance of its own
// (tests/e2e/stoppable-instance.ts): the shared demo server is never stopped.

const HOUR = 3_600_000;
const TENDER = "2026000006"; // seeded: Pengadaan Obat dan BMHP, upload open, nobody has bid yet
const SENT = { email: "penyedia4@segel.test", price: "4.875.000.000" };
const UPLOADING = { email: "penyedia2@segel.test", price: "4.990.500.000" };
// the rule's figures on this instance: the settings' defaults and the procedure's minimum
const UNIT_MS = 60 * 60_000; // SEGEL_COMPENSATION_UNIT_MINUTES
const LEAD_MS = 24 * HOUR; // SEGEL_COMPENSATION_LEAD_HOURS
const DOWN_MS = 3 * HOUR; // longer than the gap (30 s here) by far
// The outage ends 19 hours before the deadline, inside the lead window: the stage must then
// end at least the procedure's minimum (24 hours) after the outage, more than the 3 hours lost.
const BEFORE_DEADLINE_MS = 22 * HOUR;

let instance: StoppableInstance;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  instance = await createInstance({ demo: true });
  await instance.start();
});
test.afterAll(async () => {
  await instance?.close();
});

const uploadStage = async () =>
  (
    await instance.sql<{ id: string; tenderId: string; startsAt: Date; endsAt: Date; status: string }>(
      `SELECT s.id, s."tenderId", s."startsAt", s."endsAt", t.status::text FROM "TenderStage" s
       JOIN "Tender" t ON t.id = s."tenderId" WHERE t.code = $1 AND s.kind = 'UPLOAD_PENAWARAN'`,
      [TENDER],
    )
  )[0]!;
const clock = async () => (await instance.sql<{ now: Date }>(`SELECT segel_now() AS now`))[0]!.now.getTime();
const roundUp = (ms: number) => Math.ceil(ms / UNIT_MS) * UNIT_MS;

test("the portal is down 3 hours during the upload: the deadline moves by the rule, and everyone is told", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const on = { baseURL: instance.url };
  // One vendor has sent a bid (a receipt), another has sealed files staged and not sent yet.
  await asUser(
    browser,
    SENT.email,
    async (page) => {
      await joinTender(page, TENDER);
      await submitBid(page, TENDER, SENT.price);
    },
    on,
  );
  await asUser(
    browser,
    UPLOADING.email,
    async (page) => {
      await joinTender(page, TENDER);
      await uploadBidFiles(page, TENDER, UPLOADING.price);
    },
    on,
  );

  // Days pass with the portal up (the clock and its heartbeats move together): no outage.
  const deadline = (await uploadStage()).endsAt.getTime();
  const ahead = deadline - BEFORE_DEADLINE_MS - (await clock());
  expect(ahead, "the seeded deadline is more than 22 hours away").toBeGreaterThan(0);
  await instance.advanceClock(ahead);
  await expect
    .poll(
      async () =>
        (
          await instance.sql(
            `SELECT 1 FROM "AvailabilityBeat" WHERE "lastBeatAt" >= segel_now() - interval '10 seconds'`,
          )
        ).length,
      { timeout: 20_000 },
    )
    .toBe(2);
  expect(await instance.sql(`SELECT id FROM "Outage"`)).toEqual([]);

  // The crash: web (SIGKILL) and worker stop; three hours pass on the database clock.
  await instance.stop();
  await instance.sql(`UPDATE "TestClockOffset" SET "offsetMs" = "offsetMs" + $1 WHERE id = 1`, [DOWN_MS]);
  await instance.start();

  // The first web beat records the silence as an outage and gives the time back at once.
  let outage: { id: string; startsAt: Date; endsAt: Date } | undefined;
  await expect
    .poll(
      async () => {
        [outage] = await instance.sql<{ id: string; startsAt: Date; endsAt: Date }>(
          `SELECT id, "startsAt", "endsAt" FROM "Outage" WHERE role = 'WEB' AND cause = 'UNKNOWN'`,
        );
        return Boolean(outage);
      },
      { timeout: 30_000, message: "the web server's silence recorded" },
    )
    .toBe(true);
  const lost = outage!.endsAt.getTime() - outage!.startsAt.getTime();
  expect(lost).toBeGreaterThanOrEqual(DOWN_MS);
  expect(lost).toBeLessThan(DOWN_MS + UNIT_MS);
  // The rule: lost time rounded up to the unit (4 h), raised, since the outage ended within the
  // lead window, to end at least the minimum after the outage (rounded up to the unit): 6 h.
  const [procedure] = await instance.sql<{ minHours: number }>(
    `SELECT c."compensationMinHours" AS "minHours" FROM "ProcedureConfig" c JOIN "Tender" t ON t."procedureId" = c.id WHERE t.code = $1`,
    [TENDER],
  );
  expect(outage!.endsAt.getTime()).toBeGreaterThanOrEqual(deadline - LEAD_MS);
  const extension = Math.max(roundUp(lost), roundUp(outage!.endsAt.getTime() + procedure!.minHours * HOUR - deadline));
  expect(extension).toBe(6 * HOUR);
  const newDeadline = new Date(deadline + extension);
  await expect
    .poll(async () => (await uploadStage()).endsAt.toISOString(), { timeout: 30_000 })
    .toBe(newDeadline.toISOString());
  expect(
    await instance.sql(
      `SELECT "lostSeconds", "extensionSeconds" FROM "Compensation" WHERE "outageId" = $1 AND "stageKind" = 'UPLOAD_PENAWARAN' AND "tenderId" = (SELECT id FROM "Tender" WHERE code = $2)`,
      [outage!.id, TENDER],
    ),
  ).toEqual([{ lostSeconds: Math.ceil(lost / 1000), extensionSeconds: extension / 1000 }]);

  // The public announcement: the new deadline and the reason with the interval.
  const visitor = await (await browser.newContext(on)).newPage();
  await visitor.goto(`/tender/${TENDER}`);
  await reloadUntil(visitor, () =>
    expect(
      visitor.getByTestId("schedule").locator(`time[datetime="${newDeadline.toISOString()}"]`).first(),
    ).toBeVisible({ timeout: 1000 }),
  );
  // one public change per moved stage, each with the reason and the outage's interval
  const change = visitor
    .getByTestId("schedule-changes")
    .getByRole("listitem")
    .filter({ hasText: "Upload dokumen penawaran" })
    .filter({ hasText: /Kompensasi gangguan sistem \d+ \w+ 2026 [\d.]+–\d+ \w+ 2026 [\d.]+ WITA/ });
  await expect(change).toHaveCount(1);
  await expect(change.locator(`ins time[datetime="${newDeadline.toISOString()}"]`)).toBeVisible();

  // Both bidders were told: in the inbox and by e-mail, with the stage's new end.
  const subject = `Kompensasi waktu: tender ${TENDER}`;
  for (const bidder of [SENT, UPLOADING]) {
    await asUser(
      browser,
      bidder.email,
      async (page) => {
        await page.goto("/kotak-masuk");
        // the notice is written by the worker's compensation pass, which may finish after the stage moved
        await reloadUntil(page, () => expect(page.getByText(subject).first()).toBeVisible({ timeout: 1000 }));
      },
      on,
    );
    await expect
      .poll(
        () =>
          instance.mail.some(
            (m) => m.to.some((to) => to.toLowerCase() === bidder.email) && m.subject.includes(subject),
          ),
        { timeout: 30_000, message: `the compensation's mail to ${bidder.email}` },
      )
      .toBe(true);
  }
  const mail = instance.mail.find((m) => m.subject.includes(subject))!;
  expect(mail.text).toContain("diperpanjang 6 jam");

  // The old deadline passes; the upload stays open until the new one, and the second vendor sends.
  await instance.advanceClock(deadline + HOUR - (await clock()));
  await asUser(
    browser,
    UPLOADING.email,
    async (page) => {
      await page.goto(`/tender/${TENDER}`);
      await page.getByRole("link", { name: "Penawaran saya" }).click();
      await sendBid(page, UPLOADING.price);
    },
    on,
  );
  expect(
    await instance.sql(
      `SELECT count(*)::int AS n FROM "Bid" b JOIN "Tender" t ON t.id = b."tenderId" WHERE t.code = $1 AND b.status = 'SUBMITTED'`,
      [TENDER],
    ),
  ).toEqual([{ n: 2 }]);
  expect((await uploadStage()).status).toBe("PUBLISHED");

  // The status page and its JSON tell the same story: the outage and what it gave back.
  await visitor.goto("/status");
  const incident = visitor.locator(`[data-testid="incident-row"][data-outage-id="${outage!.id}"]`);
  await reloadUntil(visitor, () => expect(incident).toBeVisible({ timeout: 1000 }));
  await expect(incident).toHaveAttribute("data-cause", "UNKNOWN");
  const row = incident.locator(`[data-testid="compensation-row"][data-tender-code="${TENDER}"]`);
  await expect(row).toContainText("6 jam 0 menit");
  const status = (await (await visitor.request.get("/api/status")).json()) as StatusJson;
  const listed = status.ledger.outages.find((o) => o.id === outage!.id)!;
  expect(listed).toMatchObject({ cause: "UNKNOWN", scope: "INSTANCE", role: "WEB", countsAsDowntime: true });
  expect(new Date(listed.startsAt).getTime()).toBe(outage!.startsAt.getTime());
  expect(new Date(listed.endsAt!).getTime()).toBe(outage!.endsAt.getTime());
  const given = listed.compensations.find((c) => c.tenderCode === TENDER && c.stage === "UPLOAD_PENAWARAN")!;
  expect(given.extensionSeconds).toBe(extension / 1000);
  expect(new Date(given.newEndsAt).getTime()).toBe(newDeadline.getTime());
  // one crash, one outage of the web: the restart's slow first seconds were no second silence
  expect(await instance.sql(`SELECT count(*)::int AS n FROM "Outage" WHERE role = 'WEB'`)).toEqual([{ n: 1 }]);
});
