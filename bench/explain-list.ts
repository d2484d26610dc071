// The tender list's real SQL under EXPLAIN (ANALYZE, BUFFERS) at volume (issue 9). Starts
// a portal checkout on a throwaway PostgreSQL loaded with 100,000 tenders, with
// auto_explain logging the analysed plan of every statement the portal runs; then asks
// each /tender variant (filter, keyword, sort, page) once and reads the plans its request
// caused from the server's log. So it measures what that code actually sends, before
// and after, without copying its SQL. Loopback only; one request a variant.
//
//   tsx bench/explain-list.ts [--root DIR] [--tenders 100000] [--port N] [--out results.json]
//       [--plans DIR]   (writes every captured plan, one JSON file a variant)
//       [--publication-order]   (stores the tenders in publication order, as a portal that
//                                inserts them as they are announced does; needs issue 9's indexes)
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { seedVolume } from "./seed-volume";
import { freePort, migrateAndSeed, sleep, sql, startDatabase, startPortal } from "./lib/portal";
import { markdownTable, round } from "./lib/stats";

const { values: opts } = parseArgs({
  options: {
    root: { type: "string", default: path.resolve(import.meta.dirname, "..") },
    tenders: { type: "string", default: "100000" },
    port: { type: "string", default: "0" },
    out: { type: "string" },
    plans: { type: "string" },
    "publication-order": { type: "boolean", default: false },
  },
});
const root = path.resolve(opts.root);

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}
interface Captured {
  ms: number;
  query: string;
  plan: PlanNode;
}

const walk = (node: PlanNode, visit: (n: PlanNode) => void) => {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
};
const seqScanOf = (plan: PlanNode, table: string) => {
  let found = false;
  walk(plan, (n) => (found ||= n["Node Type"] === "Seq Scan" && n["Relation Name"] === table));
  return found;
};
const touches = (plan: PlanNode, table: string) => {
  let found = false;
  walk(plan, (n) => (found ||= n["Relation Name"] === table));
  return found;
};

// The server's log as it arrives (stderr, one chunk a write); auto_explain's entries are
// "<time> [pid] LOG:  duration: X ms  plan:" followed by the plan as JSON.
const log: string[] = [];
let unparsed = 0;

/** auto_explain entries logged since entry `from` of the log. */
function readPlans(from: number): { plans: Captured[]; offset: number } {
  const offset = log.length;
  const entries = log
    .slice(from, offset)
    .join("\n")
    .split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/);
  const plans: Captured[] = [];
  for (const entry of entries) {
    const match = /LOG:\s+duration: ([\d.]+) ms\s+plan:\s*([\s\S]*)$/.exec(entry);
    if (!match) continue;
    try {
      const body = JSON.parse(match[2]!) as { "Query Text": string; Plan: PlanNode };
      plans.push({ ms: Number(match[1]), query: body["Query Text"], plan: body.Plan });
    } catch {
      unparsed += 1; // a plan split across two writes of the log
    }
  }
  return { plans, offset };
}

const database = await startDatabase({ onLog: (text) => log.push(text) });
let portal: Awaited<ReturnType<typeof startPortal>> | null = null;
try {
  console.error(`[bench] migrating and seeding ${root} ...`);
  migrateAndSeed(root, database.url);
  const volume = await seedVolume(database.url, { tenders: Number(opts.tenders) });
  console.error(`[bench] ${volume.tenders} tenders loaded in ${volume.seconds} s`);
  // The seed writes tenders in random publication order; a portal's table lies roughly in
  // publication order, which makes walking the "newest" index look cheap to PostgreSQL.
  if (opts["publication-order"])
    await sql(database.url, [
      `CLUSTER "Tender" USING "Tender_publishedAt_createdAt_id_idx"`,
      `VACUUM ANALYZE "Tender"`,
    ]);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const agencyId = (await client.query<{ id: string }>(`SELECT id FROM "Agency" WHERE code = 'BENCH-AG-007'`)).rows[0]!
    .id;
  await client.end();
  // every statement of every new connection from here on logs its analysed plan
  await sql(database.url, [
    "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'",
    "ALTER SYSTEM SET auto_explain.log_min_duration = 0",
    "ALTER SYSTEM SET auto_explain.log_analyze = on",
    "ALTER SYSTEM SET auto_explain.log_buffers = on",
    "ALTER SYSTEM SET auto_explain.log_format = 'json'",
    "SELECT pg_reload_conf()",
  ]);
  portal = await startPortal(root, database.url, { port: Number(opts.port) || (await freePort()) });
  // a warm connection pool and compiled routes before the first variant is read
  for (const p of ["/tender?page=3", "/tender?sort=hps-asc&page=4", "/"])
    await fetch(`${portal.baseUrl}${p}`).then((r) => r.arrayBuffer());

  const variants: [string, string][] = [
    ["newest (default)", "/tender"],
    ["sort=deadline", "/tender?sort=deadline"],
    ["sort=hps-desc", "/tender?sort=hps-desc"],
    ["sort=hps-asc", "/tender?sort=hps-asc"],
    ["keyword, many matches", "/tender?q=jembatan"],
    ["keyword, phrase", "/tender?q=Pengadaan+Alat+Kesehatan"],
    ["keyword, tender code", `/tender?q=${volume.normalCode}`],
    ["keyword, no match", "/tender?q=zzqx"],
    // a word few tenders have (a paket's number, a code): PostgreSQL's statistics hold only frequent words
    ["keyword, rare", "/tender?q=Paket+12345"],
    ["keyword, rare, sort=deadline", `/tender?q=${volume.normalCode}&sort=deadline`],
    ["keyword, rare, sort=hps-desc", "/tender?q=Paket+12345&sort=hps-desc"],
    ["keyword, rare, year", "/tender?q=Paket+12345&year=2024"],
    ["keyword, sort=deadline", "/tender?q=jembatan&sort=deadline"],
    ["keyword, sort=hps-desc", "/tender?q=jembatan&sort=hps-desc"],
    ["keyword, year+category", "/tender?q=jembatan&year=2024&category=PEKERJAAN_KONSTRUKSI"],
    ["keyword, deep page", "/tender?q=jembatan&page=50"],
    ["year", "/tender?year=2024"],
    ["agency", `/tender?agency=${agencyId}`],
    ["category", "/tender?category=PEKERJAAN_KONSTRUKSI"],
    ["method", "/tender?method=SELEKSI"],
    ["stage=UPLOAD_PENAWARAN", "/tender?stage=UPLOAD_PENAWARAN"],
    ["stage=EVALUASI", "/tender?stage=EVALUASI"],
    ["year+category+deadline", "/tender?year=2026&category=BARANG&sort=deadline"],
    ["page 2", "/tender?page=2"],
    ["page 50", "/tender?page=50"],
    ["deep page 2500", "/tender?page=2500"],
    ["home", "/"],
  ];
  if (opts.plans) await mkdir(opts.plans, { recursive: true });
  await sleep(1000);
  let offset = log.length;
  const results = [];
  for (const [name, target] of variants) {
    const started = performance.now();
    const reply = await fetch(`${portal.baseUrl}${target}`, { signal: AbortSignal.timeout(120_000) });
    await reply.arrayBuffer();
    const pageMs = performance.now() - started;
    await sleep(700); // the log collector writes asynchronously
    const read = readPlans(offset);
    offset = read.offset;
    const tenderPlans = read.plans.filter((p) => touches(p.plan, "Tender"));
    // the list's estimate is a plain EXPLAIN: planned, never run, so it reads no table
    const ran = read.plans.filter((p) => !/^\s*EXPLAIN/i.test(p.query));
    const slowest = [...read.plans].sort((a, b) => b.ms - a.ms)[0];
    results.push({
      name,
      path: target,
      status: reply.status,
      pageMs: round(pageMs),
      statements: read.plans.length,
      dbMs: round(read.plans.reduce((sum, p) => sum + p.ms, 0)),
      slowestMs: slowest ? round(slowest.ms, 2) : null,
      slowestQuery: slowest?.query.replace(/\s+/g, " ").slice(0, 300) ?? null,
      tenderStatements: tenderPlans.length,
      seqScanTender: ran.some((p) => seqScanOf(p.plan, "Tender")),
      seqScanPaket: ran.some((p) => seqScanOf(p.plan, "Paket")),
      seqScanTenderStage: ran.some((p) => seqScanOf(p.plan, "TenderStage")),
    });
    if (opts.plans)
      await writeFile(
        path.join(opts.plans, `${name.replace(/[^a-z0-9]+/gi, "-")}.json`),
        JSON.stringify(read.plans, null, 2),
      );
  }
  const report = {
    bench: "explain-list",
    root,
    volume,
    publicationOrder: opts["publication-order"],
    unparsedPlans: unparsed,
    results,
  };
  if (opts.out) await writeFile(opts.out, JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report, null, 2));
  const yes = (b: boolean) => (b ? "yes" : "no");
  console.log(
    `\n${root}, ${volume.tenders} tenders; one request a variant, plans by auto_explain (ANALYZE, BUFFERS)\n\n` +
      markdownTable(
        [
          "variant",
          "statements",
          "DB ms (sum)",
          "slowest ms",
          "Seq Scan Tender",
          "Seq Scan Paket",
          "Seq Scan TenderStage",
          "page ms",
        ],
        results.map((r) => [
          r.name,
          r.statements,
          r.dbMs,
          r.slowestMs,
          yes(r.seqScanTender),
          yes(r.seqScanPaket),
          yes(r.seqScanTenderStage),
          r.pageMs,
        ]),
      ),
  );
} catch (error) {
  console.error("bench failed:", error);
  process.exitCode = 1;
} finally {
  await portal?.stop();
  await database.stop();
}
