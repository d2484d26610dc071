// Public page latency alone and under a sign-in flood (issue 8, item 5). Starts a portal
// checkout (--root, default this one) through its own `src/cli/start.ts` on a throwaway
// embedded PostgreSQL, on its own ports, localhost only; bounded in time and count.
//
//   tsx bench/signin-flood.ts [--root DIR] [--seconds 20] [--flooders 16] [--readers 4]
//                             [--port 3200] [--pg-port 54349] [--trust-loopback]
//
// --trust-loopback starts the portal with SEGEL_TRUSTED_PROXIES=loopback, so the flood's
// rotating X-Forwarded-For counts as many real addresses (a botnet) instead of a forgery.
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../src/cli/embedded-db.mjs";

const { values: opts } = parseArgs({
  options: {
    root: { type: "string", default: path.resolve(import.meta.dirname, "..") },
    seconds: { type: "string", default: "20" },
    flooders: { type: "string", default: "16" },
    readers: { type: "string", default: "4" },
    port: { type: "string", default: "3200" },
    "pg-port": { type: "string", default: "54349" },
    "trust-loopback": { type: "boolean", default: false },
  },
});
const root = path.resolve(opts.root);
const seconds = Math.min(Number(opts.seconds), 120);
const flooders = Math.min(Number(opts.flooders), 64);
const readers = Math.min(Number(opts.readers), 16);
const port = Number(opts.port);
const agent = new Agent({ keepAlive: true, maxSockets: 128 });

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(method: string, pathname: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: pathname, method, headers, agent }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.setTimeout(60_000, () => req.destroy(new Error("timeout")));
    req.end(body);
  });
}

/** One sign-in through next-auth's own endpoints; returns the message key of the refusal. */
async function signIn(email: string, password: string, forwardedFor: string): Promise<string> {
  const csrf = await call("GET", "/api/auth/csrf", { "x-forwarded-for": forwardedFor });
  const cookie = ([] as string[])
    .concat(csrf.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ email, password, csrfToken, callbackUrl: "/dasbor", json: "true" }).toString();
  const reply = await call(
    "POST",
    "/api/auth/callback/credentials",
    {
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": forwardedFor,
      cookie,
    },
    form,
  );
  // with json=true next-auth answers {url} (200, or 401 for a refusal) instead of redirecting
  const url = reply.body.startsWith("{")
    ? (JSON.parse(reply.body) as { url: string }).url
    : String(reply.headers.location ?? "");
  const error = new URL(url, "http://x").searchParams.get("error");
  if (!error) return url.includes("/dasbor") ? "signedIn" : `status ${reply.status} ${url.slice(0, 80)}`;
  try {
    return (JSON.parse(error) as { messageKey: string }).messageKey;
  } catch {
    return error;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const randomIp = () => `10.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}`;

async function measure(withFlood: boolean) {
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  const end = Date.now() + seconds * 1000;
  const reader = async () => {
    for (let i = 0; Date.now() < end; i++) {
      const start = performance.now();
      const reply = await call("GET", i % 2 ? "/tender" : "/");
      if (reply.status !== 200) throw new Error(`page answered ${reply.status}`);
      latencies.push(performance.now() - start);
    }
  };
  const flooder = async () => {
    while (Date.now() < end) {
      const key = await signIn(`flood-${Math.random().toString(36).slice(2)}@bench.test`, "tebakan", randomIp()).catch(
        (e: Error) => `error: ${e.message}`,
      );
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
  };
  await Promise.all([
    ...Array.from({ length: readers }, reader),
    ...(withFlood ? Array.from({ length: flooders }, flooder) : []),
  ]);
  latencies.sort((a, b) => a - b);
  // every badCredentials reply ran one argon2id verify; a refusal (RATE_LIMITED) ran none
  const hashed = outcomes.get("badCredentials") ?? 0;
  const signIns = [...outcomes.values()].reduce((a, b) => a + b, 0);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: latencies.length / seconds,
    outcomes,
    signInsPerSecond: signIns / seconds,
    hashesPerSecond: hashed / seconds,
  };
}

async function waitForPortal(timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const ok = await call("GET", "/").then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the portal did not come up");
}

const dir = await mkdtemp(path.join(os.tmpdir(), "segel-bench-pg-"));
await chmod(dir, 0o755); // the embedded PostgreSQL may run as another user
const database = await startEmbeddedPostgres({
  dataDir: path.join(dir, "data"),
  port: Number(opts["pg-port"]),
  durable: false,
});
await ensureDatabase(database.url("postgres"), "segel_bench");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: database.url("segel_bench"),
  PORT: String(port),
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789",
  ...(opts["trust-loopback"] ? { SEGEL_TRUSTED_PROXIES: "loopback" } : {}),
};
const portal = spawn(path.join(root, "node_modules/.bin/tsx"), ["src/cli/start.ts"], {
  cwd: root,
  env,
  stdio: ["ignore", process.env.BENCH_VERBOSE ? "inherit" : "ignore", "inherit"],
  detached: true,
});
try {
  await waitForPortal(15 * 60_000);
  for (let i = 0; i < 20; i++) await call("GET", i % 2 ? "/tender" : "/");
  // Where a forged header ends up (before the flood locks this address): one failed
  // sign-in to a demo account, then its audit row.
  await signIn("admin.lpse@segel.test", "salah", "198.51.100.23").catch(() => undefined);
  const client = new pg.Client({ connectionString: database.url("segel_bench") });
  await client.connect();
  const { rows } = await client.query<{ ip: string | null }>(
    `SELECT e.data->>'ip' AS ip FROM "AuditEvent" e JOIN "User" u ON u.id::text = e."entityId"
     WHERE u.email = 'admin.lpse@segel.test' AND e.action = 'auth.signInFailed' ORDER BY e.seq DESC LIMIT 1`,
  );
  await client.end();

  const alone = await measure(false);
  const flooded = await measure(true);

  const ms = (v: number) => v.toFixed(0).padStart(6);
  console.log(
    `\nportal: ${root}${opts["trust-loopback"] ? " (SEGEL_TRUSTED_PROXIES=loopback)" : ""}; ${seconds} s a phase, ${readers} readers, ${flooders} flooders, ${os.availableParallelism()} cores`,
  );
  console.log("phase       p50 ms  p95 ms  pages/s  argon2/s");
  console.log(
    `alone       ${ms(alone.p50)}  ${ms(alone.p95)}  ${alone.rps.toFixed(1).padStart(7)}  ${"-".padStart(8)}`,
  );
  console.log(
    `flood       ${ms(flooded.p50)}  ${ms(flooded.p95)}  ${flooded.rps.toFixed(1).padStart(7)}  ${flooded.hashesPerSecond.toFixed(1).padStart(8)}`,
  );
  console.log(`ratio p50 ${(flooded.p50 / alone.p50).toFixed(2)}x, p95 ${(flooded.p95 / alone.p95).toFixed(2)}x`);
  console.log(
    `flood replies (${flooded.signInsPerSecond.toFixed(1)} sign-ins/s): ${[...flooded.outcomes].map(([k, n]) => `${k} ${n}`).join(", ")}`,
  );
  console.log(`audit ip of a sign-in sent with X-Forwarded-For 198.51.100.23: ${rows[0]?.ip ?? "(none)"}`);
} catch (error) {
  console.error("bench failed:", error);
  process.exitCode = 1;
} finally {
  try {
    process.kill(-portal.pid!, "SIGTERM");
  } catch {}
  await new Promise((r) => setTimeout(r, 2000));
  await database.stop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
  agent.destroy();
}
