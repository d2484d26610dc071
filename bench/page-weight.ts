// Page weight (issue 14, item 5): the bytes a first visit transfers, compressed, all
// resources, for the public pages and a vendor's page, in Chromium with a cold cache
// (bench/lib/first-visit.ts). The budget: the tender list under 150 KB.
//
//   tsx bench/page-weight.ts [--url http://localhost:3100] [--root DIR] [--port N] [--out weights.json]
//
// With --url it measures a portal that is already running (the e2e server, the demo data);
// without, it starts the checkout at --root (default this one) on a throwaway PostgreSQL with
// the demo seed, which builds Next when the sources changed: in a working tree other people
// build in too, run it under the same lock as the journeys (flock /tmp/segel-e2e.lock).
// Chromium: SEGEL_CHROMIUM, else Playwright's own.
import { chromium, type Browser } from "@playwright/test";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "../prisma/seed/demo-people";
import { BUDGET_BYTES, measureAnonymousVisit, measureFirstVisit, type FirstVisit } from "./lib/first-visit";
import { freePort, migrateAndSeed, startDatabase, startPortal, type Database, type Portal } from "./lib/portal";
import { markdownTable } from "./lib/stats";

const { values: opts } = parseArgs({
  options: {
    url: { type: "string" },
    root: { type: "string", default: path.resolve(import.meta.dirname, "..") },
    port: { type: "string", default: "0" },
    vendor: { type: "string", default: "penyedia1@segel.test" },
    out: { type: "string" },
  },
});

/** The announcement of the first tender the list links to. */
async function aTenderPage(baseUrl: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/tender`)).text();
  const code = /href="\/tender\/([^"/?#]+)"/.exec(html)?.[1];
  if (!code) throw new Error("the tender list links no tender");
  return `/tender/${code}`;
}

async function vendorVisit(browser: Browser, baseUrl: string, target: string): Promise<FirstVisit> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: "id-ID" });
  try {
    const page = await context.newPage();
    await page.goto("/masuk");
    await page.getByLabel("Email").fill(opts.vendor!);
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.waitForURL(/\/dasbor$/);
    await page.close();
    return await measureFirstVisit(context, `${baseUrl}${target}`);
  } finally {
    await context.close();
  }
}

let database: Database | null = null;
let portal: Portal | null = null;
let browser: Browser | null = null;
try {
  let baseUrl = opts.url?.replace(/\/$/, "");
  if (!baseUrl) {
    database = await startDatabase();
    console.error(`[bench] migrating and seeding ${opts.root} ...`);
    migrateAndSeed(opts.root!, database.url);
    portal = await startPortal(opts.root!, database.url, { port: Number(opts.port) || (await freePort()) });
    baseUrl = portal.baseUrl;
  }
  browser = await chromium.launch({
    executablePath: process.env.SEGEL_CHROMIUM || undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  const pages = ["/", "/tender", await aTenderPage(baseUrl), "/data-terbuka", "/status"];
  const results: (FirstVisit & { page: string })[] = [];
  for (const p of pages) {
    // once to warm the server (the first render of a route compiles and fills caches), then measured
    await measureAnonymousVisit(browser, `${baseUrl}${p}`);
    results.push({ page: p, ...(await measureAnonymousVisit(browser, `${baseUrl}${p}`)) });
  }
  results.push({ page: "/penyedia/profil (signed in)", ...(await vendorVisit(browser, baseUrl, "/penyedia/profil")) });

  const kb = (n: number | undefined) => (n ? (n / 1024).toFixed(1) : "0");
  const table = markdownTable(
    ["page", "status", "requests", "bytes", "KB", "document KB", "script KB", "stylesheet KB", "other KB"],
    results.map((r) => {
      const { Document, Script, Stylesheet, ...rest } = r.byType;
      const other = Object.values(rest).reduce((a, b) => a + b, 0);
      return [r.page, r.status, r.requests, r.bytes, kb(r.bytes), kb(Document), kb(Script), kb(Stylesheet), kb(other)];
    }),
  );
  if (opts.out) await writeFile(opts.out, JSON.stringify({ bench: "page-weight", baseUrl, results }, null, 2));
  const list = results.find((r) => r.page === "/tender")!;
  console.log(
    `\nFirst visit, cold cache, bytes on the wire (${baseUrl}):\n\n${table}\n\n/tender: ${list.bytes} bytes, budget ${BUDGET_BYTES} (${list.bytes < BUDGET_BYTES ? "within" : "OVER"})`,
  );
} catch (error) {
  console.error("bench failed:", error);
  process.exitCode = 1;
} finally {
  await browser?.close();
  await portal?.stop();
  await database?.stop();
}
