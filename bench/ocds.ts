// What the open data costs at volume (issue 14, item 1; docs/decisions/0041). On its own
// embedded PostgreSQL, for 10,000 and then 100,000 tenders of bench/seed-volume.ts, one release
// per published tender is made by the open-data builder (buildTenderRelease, from a public
// snapshot this script reads set-based) and stored; then the public routes' handlers are timed
// in child processes under /usr/bin/time (peak RSS): a year's bulk file (gzipped JSON Lines,
// streamed to the end), a feed page (100 releases from the middle of the feed) and one record.
// Each is run alternately with a baseline in the same minute: the same rows read by one plain
// SQL query through pg, no merge, no JSON package, no gzip. The bulk file must not grow the
// process with the year: its peak RSS at 10,000 and at 100,000 tenders is compared.
//
//   npm run bench:ocds [-- --tenders 100000 --small 10000 --runs 3 --year 2025]
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureDatabase } from "../src/cli/embedded-db.mjs";
import { publishReleases } from "./lib/ocds-publish";
import { migrateAndSeed, startDatabase } from "./lib/portal";
import { markdownTable, round } from "./lib/stats";
import { seedVolume } from "./seed-volume";

const { values: opts } = parseArgs({
  options: {
    tenders: { type: "string", default: "100000" },
    small: { type: "string", default: "10000" },
    runs: { type: "string", default: "3" },
    year: { type: "string", default: "2025" },
    step: { type: "string" },
    what: { type: "string" },
    mode: { type: "string" },
    // only these measurements (bulk,feed,record), and a heap cap for the measuring process in MB:
    // a bulk file that completes under a cap far below the year's size is not held in memory
    only: { type: "string", default: "bulk,feed,record" },
    "max-heap-mb": { type: "string" },
  },
});
const root = path.resolve(import.meta.dirname, "..");
const year = Number(opts.year);
const REPEAT = 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// ---------------------------------------------------------------- one measurement (a child process)

/** The same rows as the route reads, by one plain query each: the floor the route is compared with. */
async function baseline(client: pg.Client, what: string, arg: string): Promise<number> {
  let bytes = 0;
  if (what === "bulk") {
    let after = "";
    for (;;) {
      const { rows } = await client.query(
        `SELECT ocid, data::text AS data FROM "OcdsRelease" WHERE "fiscalYear" = $1 AND ocid > $2 ORDER BY "fiscalYear", ocid, position LIMIT 500`,
        [year, after],
      );
      for (const row of rows) bytes += row.data.length + 1;
      if (rows.length < 500) return bytes;
      after = rows.at(-1).ocid;
    }
  }
  const [xid, seq] = arg.split(".");
  const { rows } =
    what === "feed"
      ? await client.query(
          `SELECT data::text AS data FROM "OcdsRelease" WHERE (xid, seq) > ($1, $2) ORDER BY xid, seq LIMIT 100`,
          [xid, seq],
        )
      : await client.query(`SELECT data::text AS data FROM "OcdsRelease" WHERE ocid = $1 ORDER BY position`, [arg]);
  for (const row of rows) bytes += row.data.length;
  return bytes;
}

async function endpoint(what: string, arg: string): Promise<number> {
  const base = "http://lpse.bench.test/api/ocds";
  let response: Response;
  if (what === "bulk") {
    const { GET } = await import("../src/app/api/ocds/bulk/[file]/route");
    response = await GET(new Request(`${base}/bulk/${year}.jsonl.gz`), {
      params: Promise.resolve({ file: `${year}.jsonl.gz` }),
    });
  } else if (what === "feed") {
    const { encodeFeedCursor } = await import("../src/modules/open-data/domain/feed-cursor");
    const [xid, seq] = arg.split(".").map(BigInt);
    const { GET } = await import("../src/app/api/ocds/feed/route");
    response = await GET(new Request(`${base}/feed?limit=100&after=${encodeFeedCursor({ xid: xid!, seq: seq! })}`));
  } else {
    const { GET } = await import("../src/app/api/ocds/records/[ocid]/route");
    response = await GET(new Request(`${base}/records/${arg}`), { params: Promise.resolve({ ocid: arg }) });
  }
  if (response.status !== 200) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  const reader = response.body!.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.byteLength;
  return bytes;
}

async function measureStep(): Promise<void> {
  const what = opts.what!;
  const mode = opts.mode!;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const middle = `(SELECT count(*) / 2 FROM "OcdsRelease")`;
  const arg =
    what === "feed"
      ? (
          await client.query(
            `SELECT xid || '.' || seq AS arg FROM "OcdsRelease" ORDER BY xid, seq OFFSET ${middle} LIMIT 1`,
          )
        ).rows[0].arg
      : what === "record"
        ? (await client.query(`SELECT ocid AS arg FROM "OcdsRelease" ORDER BY seq OFFSET ${middle} LIMIT 1`)).rows[0]
            .arg
        : "";
  const run = () => (mode === "baseline" ? baseline(client, what, arg) : endpoint(what, arg));
  if (mode === "endpoint") {
    // the routes' modules load before the clock starts: a running portal has them loaded
    await Promise.all([
      import("../src/app/api/ocds/bulk/[file]/route"),
      import("../src/app/api/ocds/feed/route"),
      import("../src/app/api/ocds/records/[ocid]/route"),
      import("../src/modules/open-data/domain/feed-cursor"),
    ]);
    const { db } = await import("../src/server/db");
    await db.$queryRaw`SELECT 1`; // the pool's first connection is not the route's cost
  }
  if (what !== "bulk") await run(); // imports and plans warm, as in a running portal
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
  sample();
  const before = peak;
  const timer = setInterval(sample, 2);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < (what === "bulk" ? 1 : REPEAT); i++) {
    const started = performance.now();
    bytes = await run();
    times.push(performance.now() - started);
  }
  clearInterval(timer);
  sample();
  await client.end();
  console.log(JSON.stringify({ ms: median(times), bytes, growthMb: (peak - before) / 2 ** 20 }));
  process.exit(0);
}

// ---------------------------------------------------------------- the run (the parent)

function child(what: string, mode: string, url: string) {
  const timeFile = path.join(os.tmpdir(), `segel-bench-ocds-${process.pid}`);
  const run = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "%M",
      "-o",
      timeFile,
      path.join(root, "node_modules/.bin/tsx"),
      "--conditions=react-server",
      "bench/ocds.ts",
      "--step",
      "measure",
      "--what",
      what,
      "--mode",
      mode,
      "--year",
      String(year),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        NODE_ENV: "production",
        ...(opts["max-heap-mb"] ? { NODE_OPTIONS: `--max-old-space-size=${Number(opts["max-heap-mb"])}` } : {}),
      },
      encoding: "utf8",
      maxBuffer: 2 ** 26,
    },
  );
  if (run.status !== 0) throw new Error(`${what} ${mode} failed:\n${run.stdout}\n${run.stderr}`);
  const rssMb = Number(readFileSync(timeFile, "utf8").trim().split("\n").at(-1)) / 1024;
  rmSync(timeFile, { force: true });
  const out = JSON.parse(
    run.stdout
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .at(-1)!,
  );
  return { ...out, rssMb } as { ms: number; bytes: number; growthMb: number; rssMb: number };
}

async function main() {
  const database = await startDatabase();
  const result: Record<string, unknown> = {
    maxHeapMb: opts["max-heap-mb"] ?? null,
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores (shared), load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
    year,
    sizes: [],
  };
  const rows: (string | number | null)[][] = [];
  try {
    for (const tenders of [Number(opts.small), Number(opts.tenders)].filter((n) => n > 0)) {
      const name = `segel_ocds_${tenders}`;
      const admin = new URL(database.url);
      admin.pathname = "/postgres";
      await ensureDatabase(admin.toString(), name);
      const url = new URL(database.url);
      url.pathname = `/${name}`;
      console.error(`[bench] ${tenders} tenders: migrating, seeding ...`);
      migrateAndSeed(root, url.toString(), { SEGEL_DEMO: "0" });
      const volume = await seedVolume(url.toString(), { tenders, crowd: 100 });
      const published = await publishReleases(url.toString());
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const { rows: counts } = await client.query(
        `SELECT count(DISTINCT ocid)::int AS n, pg_size_pretty(sum(pg_column_size(data))) AS size FROM "OcdsRelease" WHERE "fiscalYear" = $1`,
        [year],
      );
      await client.end();
      console.error(
        `[bench] ${published.releases} releases in ${published.seconds} s; year ${year}: ${counts[0].n} ocids (${counts[0].size})`,
      );
      const size: Record<string, unknown> = {
        tenders,
        seedSeconds: volume.seconds,
        ...published,
        yearOcids: counts[0].n,
      };
      for (const what of opts.only.split(",")) {
        const runs: { baseline: ReturnType<typeof child>; endpoint: ReturnType<typeof child> }[] = [];
        for (let i = 0; i < Number(opts.runs); i++)
          runs.push({
            baseline: child(what, "baseline", url.toString()),
            endpoint: child(what, "endpoint", url.toString()),
          });
        const ms = median(runs.map((r) => r.endpoint.ms));
        const base = median(runs.map((r) => r.baseline.ms));
        const rss = Math.max(...runs.map((r) => r.endpoint.rssMb));
        const growth = Math.max(...runs.map((r) => r.endpoint.growthMb));
        size[what] = {
          ms: round(ms, 2),
          baselineMs: round(base, 2),
          ratio: round(ms / base, 2),
          peakRssMb: round(rss),
          baselineRssMb: round(Math.max(...runs.map((r) => r.baseline.rssMb))),
          growthMb: round(growth),
          bytes: runs[0]!.endpoint.bytes,
          runs,
        };
        rows.push([
          tenders,
          what,
          round(ms, 2),
          round(base, 2),
          round(ms / base, 2),
          round(rss),
          round(growth),
          runs[0]!.endpoint.bytes,
        ]);
        console.error(
          `[bench] ${tenders} ${what}: ${round(ms, 2)} ms (baseline ${round(base, 2)} ms), peak RSS ${round(rss)} MB, growth ${round(growth)} MB`,
        );
      }
      (result.sizes as unknown[]).push(size);
    }
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await database.stop();
  }
  console.log(JSON.stringify(result, null, 2));
  console.log(
    markdownTable(
      ["tenders", "what", "ms (median)", "baseline ms", "ratio", "peak RSS MB", "RSS growth MB", "bytes"],
      rows,
    ),
  );
}

if (opts.step === "measure") await measureStep();
else await main();
