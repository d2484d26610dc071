// Public pages at volume (issue 9): starts a portal checkout's production build on a
// throwaway PostgreSQL loaded with 100,000 tenders (seed-volume.ts), then measures each
// page with autocannon against a static file served by the same Next server in the same
// run, so the ratios hold on a shared, noisy machine. Loopback only; each page bounded
// by --seconds; the portal is stopped after.
//
//   tsx bench/public-pages.ts [--root DIR] [--cluster] [--tenders 100000] [--connections 32]
//       [--seconds 10] [--port N (default: a free one)] [--only /tender,...] [--out results.json]
//
// --root runs the same against another checkout (the code before issue 9, for the
// "before" column); --cluster starts that checkout's `npm run start:cluster` instead.
import autocannon from "autocannon";
import { readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { seedVolume } from "./seed-volume";
import {
  BENCH_SECRET,
  freePort,
  migrateAndSeed,
  nodeRssMb,
  startDatabase,
  startPortal,
  treeCpuMs,
  waitUntilIdle,
} from "./lib/portal";
import { formatRatio, markdownTable, round, summarize } from "./lib/stats";

const { values: opts } = parseArgs({
  options: {
    root: { type: "string", default: path.resolve(import.meta.dirname, "..") },
    cluster: { type: "boolean", default: false },
    tenders: { type: "string", default: "100000" },
    connections: { type: "string", default: "32" },
    seconds: { type: "string", default: "10" },
    port: { type: "string", default: "0" },
    only: { type: "string" },
    out: { type: "string" },
  },
});
const root = path.resolve(opts.root);
const connections = Math.min(Number(opts.connections), 256);
const seconds = Math.min(Number(opts.seconds), 60);
const port = Number(opts.port) || (await freePort());

interface Measured {
  name: string;
  path: string;
  requests: number;
  rps: number;
  p50: number | null;
  p95: number | null;
  errors: number;
  non2xx: number;
  timeouts: number;
  bytesPerResponse: number | null;
  cpuMsPerRequest: number | null;
  ratio?: string;
}

/** One page for `seconds` at `connections`, with latencies and the portal's CPU while it ran. */
async function measure(
  baseUrl: string,
  pid: number,
  name: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<Measured> {
  await waitUntilIdle(pid);
  const latencies: number[] = [];
  const cpuBefore = treeCpuMs(pid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${baseUrl}${target}`, headers, connections, duration: seconds, timeout: 30 },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  const cpuMs = treeCpuMs(pid) - cpuBefore;
  const done = result.requests.total;
  const stats = summarize(latencies);
  return {
    name,
    path: target,
    requests: done,
    rps: round(done / seconds, 2)!,
    p50: stats.p50,
    p95: stats.p95,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    bytesPerResponse: done ? Math.round(result.throughput.total / done) : null,
    cpuMsPerRequest: done ? round(cpuMs / done, 2) : null,
  };
}

/**
 * Which message files of the Indonesian catalogue a page ships to the browser: a file
 * counts when most of its longest plain sentences appear in the HTML (the RSC payload
 * inlines the messages given to the client provider).
 */
function messagesShipped(html: string) {
  const dir = path.join(root, "src/i18n/messages/id");
  const leaves = (value: unknown): string[] =>
    typeof value === "string"
      ? [value]
      : value && typeof value === "object"
        ? Object.values(value).flatMap(leaves)
        : [];
  let files = 0;
  let shipped = 0;
  let bytes = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
    const text = readFileSync(path.join(dir, name), "utf8");
    const probes = leaves(JSON.parse(text))
      .filter((v) => /^[A-Za-z0-9 ,.()-]{25,}$/.test(v))
      .sort((a, b) => b.length - a.length)
      .slice(0, 3);
    files += 1;
    if (probes.length && probes.filter((p) => html.includes(p)).length * 2 > probes.length) {
      shipped += 1;
      bytes += Buffer.byteLength(text);
    }
  }
  return {
    filesShipped: shipped,
    files,
    catalogueKbShipped: round(bytes / 1024),
    pageKb: round(Buffer.byteLength(html) / 1024),
  };
}

/** An agency to filter by, and a session of the demo vendor (a signed-in visitor, as at a deadline). */
async function pick(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const agency = await client.query<{ id: string }>(`SELECT id FROM "Agency" WHERE code = 'BENCH-AG-007'`);
    const session = await client.query<{ userId: string; id: string }>(`
      INSERT INTO "UserSession" (id, "userId", "expiresAt")
      SELECT gen_random_uuid(), id, now() + interval '1 day' FROM "User" WHERE email = 'penyedia1@segel.test'
      RETURNING "userId", id`);
    const { userId, id: sid } = session.rows[0]!;
    return {
      agencyId: agency.rows[0]!.id,
      vendorCookie: `next-auth.session-token=${await encode({ token: { sub: userId, sid }, secret: BENCH_SECRET })}`,
    };
  } finally {
    await client.end();
  }
}

const started = new Date();
const database = await startDatabase();
let portal: Awaited<ReturnType<typeof startPortal>> | null = null;
try {
  console.error(`[bench] migrating and seeding ${root} ...`);
  migrateAndSeed(root, database.url);
  const volume = await seedVolume(database.url, { tenders: Number(opts.tenders) });
  console.error(`[bench] ${volume.tenders} tenders loaded in ${volume.seconds} s; starting the portal ...`);
  const { agencyId, vendorCookie } = await pick(database.url);
  portal = await startPortal(root, database.url, { port, cluster: opts.cluster });
  const rssStart = nodeRssMb(portal.pid);

  const signedIn = { cookie: vendorCookie };
  const pages: [string, string, Record<string, string>?][] = [
    ["static file", "/robots.txt"],
    ["home", "/"],
    ["list", "/tender"],
    ["list, sort=deadline", "/tender?sort=deadline"],
    ["list, keyword", "/tender?q=jembatan"],
    ["list, year", "/tender?year=2024"],
    ["list, agency", `/tender?agency=${agencyId}`],
    ["list, category", "/tender?category=BARANG"],
    ["list, method", "/tender?method=SELEKSI"],
    ["list, stage", "/tender?stage=UPLOAD_PENAWARAN"],
    ["list, deep page", "/tender?page=2500"],
    ["announcement", `/tender/${volume.normalCode}`],
    [`announcement, ${volume.crowd} participants`, `/tender/${volume.crowdCode}`],
    // a vendor's page view at a deadline: the page, then the header's and the registration's own parts
    ["list, signed in", "/tender", signedIn],
    ["announcement, signed in", `/tender/${volume.normalCode}`, signedIn],
    ["account (/api/me), signed in", "/api/me", signedIn],
    ["registration (/api/me/tenders/<id>), signed in", `/api/me/tenders/${volume.normalId}`, signedIn],
  ];
  const only = opts.only?.split(",");
  const chosen = pages.filter(([name, p], i) => i === 0 || !only || only.includes(p) || only.includes(name));
  // warm up: the first render of each route compiles and fills caches
  for (const [, p, headers] of chosen)
    await fetch(`${portal.baseUrl}${p}`, { headers, signal: AbortSignal.timeout(120_000) })
      .then((r) => r.arrayBuffer())
      .catch(() => {});

  const catalogue = Object.fromEntries(
    await Promise.all(
      ["/tender", "/", `/tender/${volume.normalCode}`].map(async (p) => [
        p,
        messagesShipped(await (await fetch(`${portal!.baseUrl}${p}`)).text()),
      ]),
    ),
  );
  const results: Measured[] = [];
  for (const [name, p, headers] of chosen) {
    console.error(`[bench] ${name} (${p}) ...`);
    results.push(await measure(portal.baseUrl, portal.pid, name, p, headers));
  }
  const staticRate = results[0]!.rps;
  for (const r of results) r.ratio = formatRatio(r.rps, staticRate);
  const rssEnd = nodeRssMb(portal.pid);

  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  const report = {
    bench: "public-pages",
    root,
    cluster: opts.cluster,
    started: started.toISOString(),
    machine: {
      cores: os.availableParallelism(),
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAfter: load,
    },
    load: { connections, secondsEach: seconds },
    volume,
    portalRssMb: { start: rssStart, end: rssEnd },
    messageCatalogue: catalogue,
    results,
  };
  const table = markdownTable(
    ["page", "req/s", "of static", "p50 ms", "p95 ms", "errors", "KB/response", "CPU ms/req"],
    results.map((r) => [
      r.name,
      r.rps,
      r.ratio,
      r.p50,
      r.p95,
      r.errors + r.non2xx,
      r.bytesPerResponse === null ? null : round(r.bytesPerResponse / 1024),
      r.cpuMsPerRequest,
    ]),
  );
  if (opts.out) await writeFile(opts.out, JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report, null, 2));
  console.log(
    `\n${root}${opts.cluster ? " (cluster)" : ""}, ${volume.tenders} tenders, ${connections} connections, ${seconds} s a page, load ${load}\n\n${table}\n\nmessages in the page: ${JSON.stringify(catalogue)}`,
  );
} catch (error) {
  console.error("bench failed:", error);
  process.exitCode = 1;
} finally {
  await portal?.stop();
  await database.stop();
}
