// The rolling-upgrade drill (docs/decisions/0018-rolling-upgrades.md): the previous release
// serves as a cluster under load, the new release's migrations are applied while it serves,
// then each web instance is replaced by the new release (drained in haproxy, SIGTERM, new
// one started, health green, ready), then the worker. Reports every request and every
// failure, per phase. Loopback only; the load is bounded in time.
//   npx tsx scripts/upgrade-drill.ts [--from 0c9f38b] [--to HEAD] [--web 2] [--phase-seconds 20] [--out report.json]
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import {
  allowAppLogin,
  APP_ROLE,
  ensureDatabase,
  startEmbeddedPostgres,
  urlAs,
  freePort,
} from "../src/cli/embedded-db.mjs";
import { renderHaproxyConfig, HEALTH_PATH } from "../src/cli/cluster/haproxy-config";
import { ensureHaproxy, serverStats, setServerState, startHaproxy } from "../src/cli/cluster/haproxy";
import { startWebInstance, waitUntil, type WebInstance } from "../src/cli/cluster/web-instance";
import { hasHealthEndpoint, prepareCheckout, resolveCommit } from "./upgrade-drill/checkout";
import { loadPublicPages, loadVendorWrites, PhaseCounter } from "./upgrade-drill/load";

const { values: args } = parseArgs({
  options: {
    from: { type: "string", default: "0c9f38b" },
    to: { type: "string", default: "HEAD" },
    web: { type: "string", default: "2" },
    "phase-seconds": { type: "string", default: "20" },
    out: { type: "string" },
  },
});
const repo = path.resolve(import.meta.dirname, "..");
const webCount = Number(args.web);
const phaseMs = Number(args["phase-seconds"]) * 1000;
const started = Date.now();
const say = (line: string) =>
  console.log(`[drill ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

// 1. Both releases, built with the one action key they share (kept for the next drill,
// whose builds are then reused)
const keyFile = path.join(os.tmpdir(), "segel-drill-action-key");
if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString("base64"), { mode: 0o600 });
const actionKey = readFileSync(keyFile, "utf8").trim();
const [fromCommit, toCommit] = [resolveCommit(repo, args.from!), resolveCommit(repo, args.to!)];
const oldRoot = prepareCheckout(repo, "from", fromCommit, actionKey, say);
const newRoot = prepareCheckout(repo, "to", toCommit, actionKey, say);
const preparedAt = Date.now();

// 2. A throwaway PostgreSQL with the old release's schema and demo data
const work = mkdtempSync(path.join(os.tmpdir(), "segel-drill-"));
execFileSync("chmod", ["755", work]);
const database = await startEmbeddedPostgres({
  dataDir: path.join(work, "pg"),
  port: await freePort(),
  durable: false,
});
await ensureDatabase(database.url("postgres"), "segel_drill");
const ownerUrl = database.url("segel_drill");
const quiet = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const migrate = (root: string) =>
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    cwd: root,
    env: { ...quiet, DATABASE_URL: ownerUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
migrate(oldRoot);
execFileSync(path.join(oldRoot, "node_modules/.bin/tsx"), ["--conditions=react-server", "prisma/seed.ts"], {
  cwd: oldRoot,
  env: { ...quiet, DATABASE_URL: ownerUrl },
  stdio: ["ignore", "ignore", "inherit"],
});
const appPassword = randomBytes(18).toString("base64url");
await allowAppLogin(ownerUrl, appPassword);

// 3. The cluster: haproxy, N web instances and a worker of the old release
const lbPort = await freePort();
const ports = await Promise.all(Array.from({ length: webCount }, freePort));
const servers = ports.map((port, i) => ({ name: `web${i + 1}`, port }));
const socket = path.join(work, "haproxy.sock");
// the previous release may have no health endpoint: then its home page is the check
const healthPath = hasHealthEndpoint(oldRoot) ? HEALTH_PATH : "/";
writeFileSync(
  path.join(work, "haproxy.cfg"),
  renderHaproxyConfig({ bind: `127.0.0.1:${lbPort}`, socket, healthPath, servers }),
);
const env: NodeJS.ProcessEnv = {
  ...quiet,
  NODE_ENV: "production",
  DATABASE_URL: urlAs(ownerUrl, APP_ROLE, appPassword),
  NEXTAUTH_URL: `http://localhost:${lbPort}`,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  SEGEL_TRUSTED_PROXIES: "loopback",
  SEGEL_FILE_STORE: path.join(work, "files"),
  SEGEL_INSTANCE_KEY_FILE: path.join(work, "keys", "instance-key.pem"),
  SEGEL_AT_REST_KEY_FILE: path.join(work, "keys", "at-rest.key"),
  SEGEL_AUDIT_HEADS_FILE: path.join(work, "keys", "audit-tree-heads.jsonl"),
  SEGEL_DRAIN_TIMEOUT_MS: "60000",
};
const logFile = (name: string) => path.join(work, `${name}.log`);
const instances = new Map<string, WebInstance>();
const startInstance = (root: string, name: string, port: number, release: string) =>
  instances.set(name, startWebInstance(root, name, port, env, openSync(logFile(`${name}-${release}`), "a")));
servers.forEach((s) => startInstance(oldRoot, s.name, s.port, "old"));
const startWorker = (root: string, release: string) => {
  const out = openSync(logFile(`worker-${release}`), "a");
  return spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "src/cli/worker.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", out, out],
  });
};
let worker = startWorker(oldRoot, "old");
const haproxy = startHaproxy(ensureHaproxy(say), path.join(work, "haproxy.cfg"));
const isUp = async (name: string) => (await serverStats(socket).catch(() => new Map())).get(name)?.status === "UP";
for (const s of servers) await waitUntil(`${s.name} is UP in haproxy`, () => isUp(s.name), 180_000);
say(
  `old release ${fromCommit.slice(0, 7)} serving on ${webCount} instances behind haproxy (port ${lbPort}, health ${healthPath})`,
);

// 4. Load through the whole upgrade
const base = `http://127.0.0.1:${lbPort}`;
const client = new pg.Client({ connectionString: ownerUrl });
await client.connect();
const { rows: tenders } = await client.query<{ code: string }>(
  `SELECT code FROM "Tender" WHERE "publishedAt" IS NOT NULL ORDER BY code LIMIT 1`,
);
await client.end();
const counter = new PhaseCounter();
const pages = ["/", "/tender", ...(tenders[0] ? [`/tender/${tenders[0].code}`] : []), "/robots.txt"];
const pageLoad = loadPublicPages(base, pages, 2, 900, counter);
const vendors = Array.from({ length: 5 }, (_, i) => `penyedia${i + 1}@segel.test`);
const { DEMO_PASSWORD } = await import(path.join(oldRoot, "prisma/seed/demo-people.ts"));
const writeLoad = loadVendorWrites(base, vendors, DEMO_PASSWORD, 250, counter);
const phase = async (name: string, ms: number) => (counter.enter(name), say(`phase: ${name}`), await delay(ms));

await phase("old release", phaseMs);

counter.enter("migrations applied while the old release serves");
say("applying the new release's migrations (prisma migrate deploy) ...");
const migrationStart = Date.now();
migrate(newRoot);
say(`migrations applied in ${((Date.now() - migrationStart) / 1000).toFixed(1)} s`);
const oldErrorsBefore = servers.reduce((n, s) => n + countErrors(logFile(`${s.name}-old`)), 0);
await phase("migrations applied while the old release serves", phaseMs);
const oldErrorsOnNewSchema = servers.reduce((n, s) => n + countErrors(logFile(`${s.name}-old`)), 0) - oldErrorsBefore;

// old pages keep asking for their scripts, which new instances then serve (content-hashed names)
cpSync(path.join(oldRoot, ".next/static"), path.join(newRoot, ".next/static"), { recursive: true, force: false });
counter.enter("rolling replacement");
for (const s of servers) {
  say(`${s.name}: drain in haproxy`);
  await setServerState(socket, s.name, "drain");
  await waitUntil(
    `${s.name} has no request in flight`,
    async () => (await serverStats(socket)).get(s.name)?.currentSessions === 0,
    120_000,
  );
  const old = instances.get(s.name)!;
  old.process.kill("SIGTERM");
  const code = await old.exited;
  say(`${s.name}: old instance exited (${code}); starting the new release`);
  startInstance(newRoot, s.name, s.port, "new");
  await waitUntil(
    `${s.name}'s new instance answers its health check in haproxy`,
    async () => (await serverStats(socket)).get(s.name)?.status === "DRAIN",
    600_000,
  );
  await waitUntil(
    `${s.name}'s new instance answers ${HEALTH_PATH}`,
    async () => (await fetch(`http://127.0.0.1:${s.port}${HEALTH_PATH}`).catch(() => null))?.status === 200,
    60_000,
  );
  await setServerState(socket, s.name, "ready");
  say(`${s.name}: new release ready`);
}
worker.kill("SIGTERM");
await new Promise((resolve) => worker.once("exit", resolve));
worker = startWorker(newRoot, "new");
await phase("new release", phaseMs);

await Promise.all([pageLoad.stop(), writeLoad.stop()]);
const newErrors = servers.reduce((n, s) => n + countErrors(logFile(`${s.name}-new`)), 0);

function countErrors(file: string): number {
  try {
    return readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => /"level":"error"|^Error|⨯/.test(l)).length;
  } catch {
    return 0;
  }
}

// 5. Report
const phases = Object.fromEntries(counter.phases);
const sum = (kind: "pages" | "vendorWrites", key: "requests" | "failed") =>
  [...counter.phases.values()].reduce((n, p) => n + p[kind][key], 0);
const report = {
  from: fromCommit,
  to: toCommit,
  webInstances: webCount,
  healthCheck: healthPath,
  machine: {
    cores: os.availableParallelism(),
    node: process.version,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)),
  },
  minutes: {
    prepare: ((preparedAt - started) / 60_000).toFixed(1),
    drill: ((Date.now() - preparedAt) / 60_000).toFixed(1),
  },
  totals: {
    pages: { requests: sum("pages", "requests"), failed: sum("pages", "failed") },
    vendorWrites: { requests: sum("vendorWrites", "requests"), failed: sum("vendorWrites", "failed") },
  },
  serverErrorsLogged: { oldReleaseOnNewSchema: oldErrorsOnNewSchema, newRelease: newErrors },
  phases,
};
console.log(JSON.stringify(report, null, 2));
if (args.out) writeFileSync(args.out, JSON.stringify(report, null, 2));
say(
  `total ${report.totals.pages.requests + report.totals.vendorWrites.requests} requests, ${report.totals.pages.failed + report.totals.vendorWrites.failed} failed; logs in ${work}`,
);

haproxy.kill("SIGTERM");
worker.kill("SIGTERM");
for (const i of instances.values()) i.process.kill("SIGTERM");
await Promise.all([...instances.values()].map((i) => i.exited));
await database.stop();
process.exit(report.totals.pages.failed + report.totals.vendorWrites.failed === 0 ? 0 : 1);
