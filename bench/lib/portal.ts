// Starts a throwaway PostgreSQL and a portal checkout on it (its own ports, localhost
// only), and reads the CPU and memory of the portal's processes from /proc. Shared by the
// issue-9 benchmarks; the older signin-flood and audit-sequencing do the same inline.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import pg from "pg";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres, freePort } from "../../src/cli/embedded-db.mjs";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Database {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/**
 * A fresh embedded PostgreSQL (fsync off) with an empty database `segel_bench`. `onLog`
 * receives the server's log output (stderr) as it comes.
 */
export async function startDatabase(
  options: { port?: number; onLog?: (text: string) => void } = {},
): Promise<Database> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "segel-bench-"));
  await chmod(dir, 0o755); // the embedded PostgreSQL may run as another user
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, "data"),
    port: options.port ?? (await freePort()),
    durable: false,
    log: options.onLog as never,
  });
  await ensureDatabase(server.url("postgres"), "segel_bench");
  return {
    url: server.url("segel_bench"),
    dir,
    async stop() {
      await server.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs statements one after another on a short-lived connection. */
export async function sql(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

const quiet = { CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", NEXT_TELEMETRY_DISABLED: "1" };

/** The checkout's own migrations and seed (reference data and the demo LPSE). */
export function migrateAndSeed(root: string, databaseUrl: string, extraEnv: Record<string, string> = {}): void {
  const env = { ...process.env, ...quiet, ...extraEnv, DATABASE_URL: databaseUrl };
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    cwd: root,
    env,
    stdio: "ignore",
  });
  execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "prisma/seed.ts"], {
    cwd: root,
    env,
    stdio: "ignore",
  });
}

export const BENCH_SECRET = "bench-secret-not-for-production-0123456789";

export interface Portal {
  baseUrl: string;
  /** the process group leader: the portal's processes are its descendants */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the checkout as its users would (`src/cli/start.ts`, which migrates, seeds, builds
 * when stale and serves the production build with its worker), or with `cluster` its
 * `npm run start:cluster` topology. Waits until `/` answers.
 */
export async function startPortal(
  root: string,
  databaseUrl: string,
  options: { port: number; cluster?: boolean; env?: Record<string, string> },
): Promise<Portal> {
  const { port } = options;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...quiet,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: BENCH_SECRET,
    ...options.env,
  };
  if (options.cluster && !hasClusterScript(root)) throw new Error(`${root} has no start:cluster script`);
  const [command, args] = options.cluster
    ? ["npm", ["run", "--silent", "start:cluster"]]
    : [path.join(root, "node_modules/.bin/tsx"), ["src/cli/start.ts"]];
  const child: ChildProcess = spawn(command, args, {
    cwd: root,
    env,
    stdio: ["ignore", process.env.BENCH_VERBOSE ? "inherit" : "ignore", "inherit"],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const portal: Portal = {
    baseUrl,
    pid: child.pid!,
    async stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {}
      for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i++) await sleep(200);
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
    },
  };
  const end = Date.now() + 15 * 60_000; // a first start builds Next (minutes on a busy 2-core machine)
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`the portal at ${root} exited with ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(30_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    // on a shared machine another program may answer on the port: only our own process counts
    if (ok && listenersOf(port).some((pid) => processTree(child.pid!).some((s) => s.pid === pid))) return portal;
    if (ok) throw new Error(`port ${port} is answered by a process that is not this portal`);
    await sleep(1000);
  }
  await portal.stop();
  throw new Error("the portal did not come up");
}

export function hasClusterScript(root: string): boolean {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  return Boolean(pkg.scripts?.["start:cluster"]);
}

// ------------------------------------------------------------------ /proc readings

const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim() || 100);

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  cpuMs: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const fields = text.slice(close + 2).split(" ");
    // fields[0] is state (field 3); utime and stime are fields 14 and 15
    return {
      pid,
      ppid: Number(fields[1]),
      comm: text.slice(text.indexOf("(") + 1, close),
      cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
    };
  } catch {
    return null;
  }
}

/** Every live process under `root` (itself included). */
export function processTree(root: number): ProcStat[] {
  const all = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readStat(Number(d)))
    .filter((s): s is ProcStat => s !== null);
  const children = new Map<number, ProcStat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const out: ProcStat[] = [];
  const stack = all.filter((s) => s.pid === root);
  while (stack.length) {
    const s = stack.pop()!;
    out.push(s);
    stack.push(...(children.get(s.pid) ?? []));
  }
  return out;
}

/** CPU ms used so far by the portal's processes (web, worker, load balancer; not PostgreSQL). */
export const treeCpuMs = (root: number) => processTree(root).reduce((sum, s) => sum + s.cpuMs, 0);

/** CPU of the embedded PostgreSQL whose data directory is under `dir` (its postmaster and every backend). */
export function databaseCpuMs(dir: string): number {
  const postmaster = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .find((d) => {
      try {
        return readFileSync(`/proc/${d}/cmdline`, "utf8").includes(dir) && readStat(Number(d))?.comm === "postgres";
      } catch {
        return false;
      }
    });
  return postmaster ? treeCpuMs(Number(postmaster)) : 0;
}

/** Pids listening on TCP `port` (the web server, or the load balancer in front of them). */
export function listenersOf(port: number): number[] {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hex}`) && cols[3] === "0A") inodes.add(cols[9]!);
    }
  }
  const pids: number[] = [];
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      if (
        readdirSync(`/proc/${d}/fd`).some((fd) =>
          inodes.has(/socket:\[(\d+)\]/.exec(safeLink(`/proc/${d}/fd/${fd}`))?.[1] ?? ""),
        )
      )
        pids.push(Number(d));
    } catch {}
  }
  return pids;
}

function safeLink(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return "";
  }
}

/** Resident memory in MB of the node processes under `root`, largest first. */
export function nodeRssMb(root: number): number[] {
  return processTree(root)
    .filter((s) => s.comm.startsWith("node") || s.comm.includes("next"))
    .map((s) => {
      try {
        const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${s.pid}/status`, "utf8"))?.[1];
        return Number(kb ?? 0) / 1024;
      } catch {
        return 0;
      }
    })
    .sort((a, b) => b - a);
}

/** Waits (bounded) until the portal's processes are idle, so one page's queue does not spill into the next. */
export async function waitUntilIdle(root: number, maxMs = 60_000): Promise<void> {
  const end = Date.now() + maxMs;
  let before = treeCpuMs(root);
  while (Date.now() < end) {
    await sleep(500);
    const now = treeCpuMs(root);
    if (now - before < 50) return; // under 10 % of a core over half a second
    before = now;
  }
}

export { freePort } from "../../src/cli/embedded-db.mjs";
