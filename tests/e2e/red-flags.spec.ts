import { readFileSync } from "node:fs";
import type RedFlagMessages from "../../src/i18n/messages/id/redFlags.json";
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { sql } from "./helpers";
import { listedTenderCodes } from "./search-steps";

// the page's own wording, read from its message file (Playwright's loader takes no JSON import)
const messages = JSON.parse(
  readFileSync(new URL("../../src/i18n/messages/id/redFlags.json", import.meta.url), "utf8"),
) as typeof RedFlagMessages;

// Issue 14, item 3, as the public reads it: a demo tender the data flags shows the flag on
// its own page, with what it is and what it is not (a flag is not an accusation) and a link
// to the definitions; /tanda-bahaya lists it with the counts per flag, its filters narrow
// the list (and a wrong one is named), and the export downloads in an OCDS-friendly form.

type FlagCode = keyof typeof messages.flags;

test("a flagged demo tender shows its flag on its page and in /tanda-bahaya, whose filters, counts and export work", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // the demo's flags, as the data raised them (prisma/seed walks the use cases)
  const flags = await sql<{ tender: string; flag: FlagCode; year: number }>(
    `SELECT t.code AS tender, f.code::text AS flag, f."fiscalYear" AS year FROM "TenderRedFlag" f
     JOIN "Tender" t ON t.id = f."tenderId" ORDER BY t.code, f.code`,
  );
  expect(flags.length, "the demo ends with at least one flagged tender").toBeGreaterThan(0);
  const { tender, flag } = flags[0]!;
  const text = messages.flags[flag];

  // The tender's page, for everyone: the flag, what it is and is not, and where it is defined.
  await page.goto(`/tender/${tender}`);
  const section = page.getByRole("region", { name: messages.tender.title });
  await expect(section).toBeVisible();
  await expect(section).toContainText(messages.notAccusation);
  await expect(section).toContainText(text.name);
  await expect(section).toContainText(text.is);
  await expect(section).toContainText(text.isNot);
  await section.getByRole("link", { name: messages.tender.definitionsLink }).click();
  await expect(page).toHaveURL(/\/tanda-bahaya/);
  await expect(page.getByRole("heading", { name: messages.title, level: 1 })).toBeVisible();

  // The list: the tender is in it; each flag's count is the number of tenders it is raised on.
  expect(await listedTenderCodes(page)).toContain(tender);
  for (const code of new Set(flags.map((f) => f.flag))) {
    const count = flags.filter((f) => f.flag === code).length;
    const row = page
      .getByRole("region", { name: messages.definitions.title })
      .getByRole("row")
      .filter({ hasText: messages.flags[code].name });
    await expect(row.getByRole("cell").last(), `the count of ${code}`).toHaveText(String(count));
  }

  // A filter by the flag: exactly the tenders it is raised on.
  // (the label wraps the select, so its text holds every option's: the field by its name)
  await page.locator('main select[name="code"]').selectOption(flag);
  await page.getByRole("button", { name: messages.list.apply }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]code=${flag}`));
  expect((await listedTenderCodes(page)).sort()).toEqual(
    flags
      .filter((f) => f.flag === flag)
      .map((f) => f.tender)
      .sort(),
  );
  // A flag nobody has raised lists none, said so; another year lists none.
  const unraised = (Object.keys(messages.flags) as FlagCode[]).find((c) => !flags.some((f) => f.flag === c));
  if (unraised) {
    await page.goto(`/tanda-bahaya?code=${unraised}`);
    await expect(page.getByText(messages.list.empty)).toBeVisible();
    expect(await listedTenderCodes(page)).toEqual([]);
  }
  await page.goto("/tanda-bahaya?year=2031");
  await expect(page.getByText(messages.list.empty)).toBeVisible();
  // A wrong filter is named, never a 500.
  const wrong = await page.goto("/tanda-bahaya?year=20x6&code=NOPE");
  expect(wrong?.status()).toBeLessThan(500);
  await expect(page.getByText(messages.filterErrors.year)).toBeVisible();
  await expect(page.getByText(messages.filterErrors.code)).toBeVisible();

  // The export, from the page's links: the CSV downloads as a file; the JSON (OCDS-friendly:
  // the ocid, the tender code, the flag and its source) is read as a re-user's script reads it.
  await page.goto(`/tanda-bahaya?code=${flag}`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: messages.list.exportCsv }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toContain(tender);
  expect(csv).toContain(flag);
  const href = await page.getByRole("link", { name: messages.list.export }).getAttribute("href");
  expect(href).toContain(`code=${flag}`);
  const exported = await request.get(href!);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toMatch(/^application\/json/);
  const rows = ((await exported.json()) as { redFlags: Record<string, unknown>[] }).redFlags;
  expect(rows.length).toBe(flags.filter((f) => f.flag === flag).length);
  const row = JSON.stringify(rows.find((r) => JSON.stringify(r).includes(tender)));
  expect(row, "the flagged tender's row").toContain(flag);
  expect(row).toMatch(new RegExp(`"ocid":"ocds-[a-z0-9]{6}-${tender}"`));
  // a bad filter: 400 with the message
  const bad = await request.get(href!.replace(/code=[^&]+/, "code=NOPE"));
  expect(bad.status()).toBe(400);
  expect(JSON.stringify(await bad.json())).toContain(messages.filterErrors.code);
});
