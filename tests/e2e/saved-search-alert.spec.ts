import { expect, test } from "./fixtures";
import { asUser } from "./helpers";
import { decodeSubject, saveSearch } from "./saved-search-steps";
import { createInstance, type StoppableInstance } from "./stoppable-instance";
import { createPaket, handOver, setUpAndPublish } from "./tender-setup";

// Issue 14, item 4: a vendor saves a search (told at once), a Pokja publishes a tender that
// matches it and, before it, one that does not; the worker's pass, running on its own every
// second, puts the match in the vendor's inbox and sends the e-mail, which the instance's
// real SMTP server receives. The tender that does not match reaches neither. On an instance
// of its own (tests/e2e/stoppable-instance.ts), the one with an SMTP server and the demo.

const VENDOR = "penyedia3@segel.test"; // PT Papua Cipta Konstruksi, KBLI 42101 and 42204
const SEARCH = "Konstruksi di Jayapura";
const MATCHING = {
  name: "Jembatan Gantung Kampung Nolokla",
  category: "PEKERJAAN_KONSTRUKSI",
  pagu: "950.000.000",
  unitPrice: "925.500.000",
  method: /Tender/,
  location: "Distrik Sentani Timur, Kabupaten Jayapura",
};
// goods in the same district: the search asks for construction only
const NOT_MATCHING = {
  name: "Pengadaan Genset Kantor Distrik",
  category: "BARANG",
  pagu: "250.000.000",
  unitPrice: "200.000.001",
  method: /Tender/,
  location: "Distrik Sentani Timur, Kabupaten Jayapura",
};

let instance: StoppableInstance;

test.beforeAll(async () => {
  test.setTimeout(420_000);
  instance = await createInstance({ demo: true });
  await instance.start();
});
test.afterAll(async () => {
  await instance?.close();
});

test("a vendor's saved search brings a new matching tender to the inbox and by e-mail, and not the other one", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const on = { baseURL: instance.url };

  // The vendor saves the search: region typed in lower case, construction only, at once.
  await asUser(
    browser,
    VENDOR,
    (page) =>
      saveSearch(page, { name: SEARCH, region: "jayapura", categories: ["Pekerjaan Konstruksi"], frequency: "Segera" }),
    on,
  );

  // The PPK hands both paket to the Pokja, which publishes the non-matching one first.
  const [other, matching] = await asUser(
    browser,
    "ppk.jayapura@segel.test",
    async (page) => {
      const codes: string[] = [];
      for (const paket of [NOT_MATCHING, MATCHING]) {
        await createPaket(page, paket);
        codes.push((await handOver(page, "Pokja Pemilihan"))!);
      }
      return codes as [string, string];
    },
    on,
  );
  await asUser(
    browser,
    "pokja1.jayapura@segel.test",
    async (page) => {
      await setUpAndPublish(page, other!, instance.sql);
      await setUpAndPublish(page, matching!, instance.sql);
    },
    on,
  );

  // Nobody acts: the worker's pass matches and sends. The e-mail arrives at the SMTP server.
  const toVendor = () =>
    instance.mail
      .filter((m) => m.to.some((to) => to.toLowerCase() === VENDOR))
      .map((m) => ({ ...m, subject: decodeSubject(m.subject) }));
  await expect
    .poll(() => toVendor().some((m) => m.subject.includes(matching!)), {
      timeout: 90_000,
      message: `an e-mail to ${VENDOR} naming ${matching}`,
    })
    .toBe(true);
  const mail = toVendor().find((m) => m.subject.includes(matching!))!;
  expect(mail.subject).toBe(`Tender baru sesuai "${SEARCH}": ${matching}`);
  expect(mail.text).toContain(MATCHING.name);
  expect(mail.text).toContain(`/tender/${matching}`);

  // The inbox has it, with the tender's link; the saved search lists the match.
  await asUser(
    browser,
    VENDOR,
    async (page) => {
      await page.goto("/kotak-masuk");
      const item = page.getByText(`Tender baru sesuai "${SEARCH}": ${matching}`);
      await expect(item).toBeVisible();
      await expect(page.locator(`main a[href="/tender/${matching}"]`).first()).toBeVisible();
      await expect(page.getByText(`"${SEARCH}": ${other}`)).toHaveCount(0);
      await page.goto("/penyedia/pencarian-tersimpan");
      const saved = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: SEARCH, level: 2 }) });
      await expect(saved.getByText(matching!).first()).toBeVisible();
      await expect(saved.getByText(other!)).toHaveCount(0);
    },
    on,
  );

  // The tender that does not match, published before the one that did, was passed over:
  // no match, no notice, no e-mail.
  // (only this search's: the demo may hold other searches of its own)
  const ours = toVendor().filter((m) => m.subject.includes(`"${SEARCH}"`));
  expect(ours.filter((m) => m.subject.includes(other!) || m.text.includes(other!))).toEqual([]);
  const rows = await instance.sql<{ code: string }>(
    `SELECT t.code FROM "SavedSearchMatch" m JOIN "Tender" t ON t.id = m."tenderId"
     JOIN "SavedSearch" s ON s.id = m."savedSearchId" WHERE s.name = $1`,
    [SEARCH],
  );
  expect(rows.map((r) => r.code)).toEqual([matching]);
  const notices = await instance.sql<{ title: string }>(
    `SELECT n.title FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.email = $1 AND n.title LIKE $2`,
    [VENDOR, `Tender baru sesuai "${SEARCH}"%`],
  );
  expect(notices.map((n) => n.title)).toEqual([`Tender baru sesuai "${SEARCH}": ${matching}`]);
});
