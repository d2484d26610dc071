// Search at 100,000 tenders (issue 14, item 2): every search case's statements, exactly as
// the code sends them, under EXPLAIN (ANALYZE, BUFFERS). Starts a throwaway PostgreSQL with
// the portal's migrations, seed and bench/seed-volume.ts's 100,000 tenders (or reuses a
// database that already holds them), gives the pakets real places as locations and adds
// non-tender records, then runs each case through the app's own use cases with a Prisma
// client that reports every statement, and plans each statement again with ANALYZE. Prints
// per case the database milliseconds (best of three runs, summed over its statements), the
// slowest statement, and whether any plan reads "Tender" with a Seq Scan. Target: under 50 ms.
//
//   npm run bench:search -- [--database-url URL] [--tenders 100000] [--non-tender 20000] [--out results.json]
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { migrateAndSeed, startDatabase, type Database } from "./lib/portal";
import { markdownTable, round } from "./lib/stats";
import { seedVolume } from "./seed-volume";

const { values: opts } = parseArgs({
  options: {
    "database-url": { type: "string" },
    tenders: { type: "string", default: "100000" },
    "non-tender": { type: "string", default: "20000" },
    runs: { type: "string", default: "3" },
    out: { type: "string" },
    // only the cases whose name contains this text
    only: { type: "string" },
  },
});
const TARGET_MS = 50;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];
const seqScanOfTender = (plan: PlanNode) =>
  nodesOf(plan).some((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "Tender");

/** Places for the pakets' locations, so a location search has realistic matches. */
async function prepareVolume(url: string, nonTender: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // the seed's names end in a place ("... Kota Bogor Tahun 2024 Paket 7"): that place,
    // after a district, as a paket's location reads (the seed writes "Lokasi paket 7")
    await client.query(`UPDATE "Paket" SET location = 'Kecamatan ' || (ARRAY['Utara','Selatan','Barat','Timur','Tengah'])[1 + abs(hashtext(id::text)) % 5]
      || ', ' || substring(name from '((?:Kota|Kabupaten) .+) Tahun') WHERE location LIKE 'Lokasi paket %' AND name ~ '(Kota|Kabupaten) .+ Tahun'`);
    const { rows: records } = await client.query(`SELECT count(*)::int AS n FROM "NonTenderRecord"`);
    if (records[0].n < nonTender) {
      await client.query(`
        INSERT INTO "NonTenderRecord" (id, "agencyId", "workUnitId", "rupCode", name, category, kind, reason, value, "vendorName", "realizedOn", "recordedById", "recordedAt")
        SELECT gen_random_uuid(), w."agencyId", w.id, 'NT' || lpad(i::text, 8, '0'),
          (ARRAY['Belanja Alat Tulis Kantor','Jasa Fotokopi dan Penjilidan','Pembelian Bahan Bakar Kendaraan Dinas','Sewa Gedung Pertemuan','Konsumsi Rapat Koordinasi','Pemeliharaan Pendingin Ruangan'])[1 + i % 6] || ' ' || i,
          (ARRAY['BARANG','JASA_LAINNYA'])[1 + i % 2]::"ProcurementCategory", 'SWAKELOLA'::"NonTenderKind", 'Di bawah nilai tender',
          1000000 + (i * 7919) % 190000000, (ARRAY['CV','PT','Toko'])[1 + i % 3] || ' Mitra Bench ' || (i % 997),
          now() - (i % 1500) * interval '1 day', (SELECT id FROM "User" ORDER BY id LIMIT 1), now() - (i % 1500) * interval '1 day'
        FROM generate_series(1, ${nonTender}) i
        JOIN LATERAL (SELECT id, "agencyId" FROM "WorkUnit" ORDER BY code OFFSET i % (SELECT count(*) FROM "WorkUnit") LIMIT 1) w ON true`);
    }
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

let database: Database | null = null;
try {
  let url = opts["database-url"];
  if (!url) {
    database = await startDatabase();
    url = database.url;
    const root = path.resolve(import.meta.dirname, "..");
    console.error("[bench] migrating and seeding ...");
    migrateAndSeed(root, url);
  }
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  const held = (await probe.query(`SELECT count(*)::int AS n FROM "Tender"`)).rows[0].n as number;
  await probe.end();
  if (held < Number(opts.tenders)) {
    const volume = await seedVolume(url, { tenders: Number(opts.tenders) });
    console.error(`[bench] ${volume.tenders} tenders loaded in ${volume.seconds} s`);
  }
  await prepareVolume(url, Number(opts["non-tender"]));

  // The app's own client, reporting every statement it sends (as the plans test does).
  const sent: { query: string; params: unknown[] }[] = [];
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 4 }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (e) => sent.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  (globalThis as { segelDb?: PrismaClient }).segelDb = client;
  process.env.DATABASE_URL ??= url;
  const { findPublicTenders } = await import("@/modules/tenders/server/find-public-tenders");
  const { searchNonTenderRecords } = await import("@/modules/non-tender/server/search-non-tender-records");
  const { searchAgencies } = await import("@/modules/organisation/server/search-agencies");

  const explain = new pg.Client({ connectionString: url });
  await explain.connect();
  const pick = async (sql: string) => (await explain.query(sql)).rows[0] as Record<string, string>;
  const agency = (await pick(`SELECT id FROM "Agency" WHERE code = 'BENCH-AG-007'`)).id!;
  const tender = await pick(
    `SELECT code, "paketRupCode" AS rup FROM "Tender" WHERE status = 'PUBLISHED' ORDER BY code LIMIT 1 OFFSET 7`,
  );

  type Filters = NonNullable<Parameters<typeof findPublicTenders>[0]>["filters"];
  const list = (filters: Filters) => () => findPublicTenders({ filters, take: 20 });
  const cases: [string, () => Promise<unknown>][] = [
    ["no filter", list({})],
    ["year 2024", list({ year: 2024 })],
    ["agency", list({ agency })],
    ["category", list({ category: "PEKERJAAN_KONSTRUKSI" })],
    ["method SELEKSI", list({ method: "SELEKSI" })],
    ["stage UPLOAD_PENAWARAN", list({ stage: "UPLOAD_PENAWARAN" })],
    ["HPS 1-5 billion", list({ hpsMin: 1_000_000_000n, hpsMax: 5_000_000_000n })],
    ["HPS above 40 billion (few)", list({ hpsMin: 40_000_000_000n })],
    ["location 'bandung'", list({ location: "bandung" })],
    ["location 'kecamatan'", list({ location: "kecamatan" })],
    ["year+category+agency", list({ year: 2025, category: "BARANG", agency })],
    ["stage+location", list({ stage: "UPLOAD_PENAWARAN", location: "makassar" })],
    ["common word 'jalan'", list({ q: "jalan" })],
    ["rare words 'Paket 12345'", list({ q: "Paket 12345" })],
    ["part of a word 'jembat'", list({ q: "jembat" })],
    ["accents and case 'JEMBÁTAN'", list({ q: "JEMBÁTAN" })],
    ["typo 'pembanguan jalan'", list({ q: "pembanguan jalan" })],
    ["typo 'puskemas'", list({ q: "puskemas" })],
    ["tender code exact", list({ q: tender.code })],
    ["RUP code exact", list({ q: tender.rup })],
    ["keyword+year+HPS+location", list({ q: "jalan", year: 2024, hpsMax: 10_000_000_000n, location: "kota" })],
    ["empty result 'zzqx'", list({ q: "zzqx" })],
    ["typo, empty result 'qwertyuiop'", list({ q: "qwertyuiop" })],
    ["/cari non-tender 'fotokopi'", () => searchNonTenderRecords("fotokopi")],
    ["/cari non-tender typo 'fotokopy'", () => searchNonTenderRecords("fotokopy")],
    ["/cari agencies 'makassar'", () => searchAgencies("makassar")],
  ];

  const load = os.loadavg().map((n) => n.toFixed(2));
  const runs = Math.max(1, Number(opts.runs));
  const results = [];
  for (const [name, run] of cases.filter(([n]) => !opts.only || n.includes(opts.only))) {
    let best = Infinity;
    let slowest = 0; // the slowest statement of the best run
    let slowestPlan: { query: string; plan: PlanNode } | null = null;
    let seqScan = false;
    let statements = 0;
    for (let r = 0; r < runs; r += 1) {
      sent.length = 0;
      await run();
      const captured = sent.filter((s) => /^\s*(SELECT|WITH)/i.test(s.query) && !/^\s*SELECT 1\s*$/i.test(s.query));
      let total = 0;
      let slowestHere = 0;
      let planHere: { query: string; plan: PlanNode } | null = null;
      for (const { query, params } of captured) {
        const { rows } = await explain.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query}`, params);
        const [plan] = rows[0]["QUERY PLAN"] as { Plan: PlanNode; "Execution Time": number }[];
        total += plan!["Execution Time"];
        if (plan!["Execution Time"] >= slowestHere) planHere = { query, plan: plan!.Plan };
        slowestHere = Math.max(slowestHere, plan!["Execution Time"]);
        seqScan ||= seqScanOfTender(plan!.Plan);
      }
      if (total < best) [best, slowest, slowestPlan] = [total, slowestHere, planHere];
      statements = captured.length;
    }
    results.push({
      name,
      statements,
      ms: round(best, 2),
      slowestMs: round(slowest, 2),
      seqScanTender: seqScan,
      slowestPlan,
    });
  }
  await explain.end();
  await client.$disconnect();
  const report = {
    bench: "search",
    tenders: Number(opts.tenders),
    loadAverage: load,
    cpus: os.cpus().length,
    runs,
    results,
  };
  if (opts.out) await writeFile(opts.out, JSON.stringify(report, null, 2));
  console.log(
    `\n${report.tenders} tenders, ${opts["non-tender"]} non-tender records; load average ${load.join(" ")} on ${report.cpus} cores; ` +
      `EXPLAIN (ANALYZE, BUFFERS) of each statement, best of ${runs} runs, summed\n\n` +
      markdownTable(
        ["case", "statements", "DB ms", "its slowest statement ms", `under ${TARGET_MS} ms`, "Seq Scan Tender"],
        results.map((r) => [
          r.name,
          r.statements,
          r.ms,
          r.slowestMs,
          (r.ms ?? Infinity) < TARGET_MS ? "yes" : "no",
          r.seqScanTender ? "YES" : "no",
        ]),
      ),
  );
  if (results.some((r) => r.seqScanTender)) process.exitCode = 1;
} catch (error) {
  console.error("bench failed:", error);
  process.exitCode = 1;
} finally {
  await database?.stop();
}
