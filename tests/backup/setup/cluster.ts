import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { chown, mkdir } from "node:fs/promises";
import { createConnection } from "node:net";
import path from "node:path";
import * as embedded from "../../../src/cli/embedded-db.mjs";
import { freePort } from "../../../src/cli/embedded-db.mjs";
import { until } from "../../setup/until";
export { until };
export { freePort };

/**
 * The fault tier's PostgreSQL: a durable, archiving embedded cluster (A's
 * startEmbeddedPostgres with archiveDir), and the two faults a test does to it: kill -9 of
 * the postmaster, and a start from another data directory on the same port.
 */
export const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** As root PostgreSQL runs as `postgres`: a directory it writes (the WAL archive) is made its own. */
export async function makePostgresDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  if (!isRoot) return;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  await chown(dir, uid, gid);
}

/** archive_timeout of the tier's clusters (SEGEL_BACKUP_ARCHIVE_TIMEOUT_SECONDS says the same) */
export const ARCHIVE_TIMEOUT_SECONDS = 10;

export interface RunningCluster {
  port: number;
  dataDir: string;
  url: (db?: string) => string;
  stop: () => Promise<void>;
}

/**
 * Starts (initialising when empty) a durable cluster in `dataDir` on `port`, archiving its
 * WAL into `archiveDir` with Segel's own archive_command, as `npm start` does.
 */
export async function startCluster(options: {
  dataDir: string;
  port: number;
  archiveDir: string;
  log?: (line: string) => void;
}): Promise<RunningCluster> {
  await makePostgresDir(options.archiveDir);
  const settings = {
    dataDir: options.dataDir,
    port: options.port,
    durable: true,
    archiveDir: options.archiveDir,
    archiveTimeoutSeconds: ARCHIVE_TIMEOUT_SECONDS,
    log: options.log ?? (() => {}),
  };
  const server = await embedded.startEmbeddedPostgres(settings);
  return { port: options.port, dataDir: options.dataDir, url: (db = "postgres") => server.url(db), stop: server.stop };
}

/** Does anything accept a TCP connection on 127.0.0.1:port? */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The postmaster's pid: the first line of <dataDir>/postmaster.pid. */
export function postmasterPid(dataDir: string): number {
  const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no postmaster pid in ${dataDir}/postmaster.pid`);
  return pid;
}

/** Does a postmaster run from `dataDir` now (its pid file names a live process)? */
export function hasLivePostmaster(dataDir: string): boolean {
  try {
    return isAlive(postmasterPid(dataDir));
  } catch {
    return false;
  }
}

/** kill -9 of the postmaster, then waits (bounded) until it is gone and the port refuses. */
export async function killPostmaster(dataDir: string, port: number): Promise<number> {
  const pid = postmasterPid(dataDir);
  process.kill(pid, "SIGKILL");
  await until(`postmaster ${pid} gone`, () => !isAlive(pid), 15_000);
  await until(`port ${port} refusing`, async () => !(await portAnswers(port)), 15_000);
  return pid;
}

/**
 * Stops, by their pid files, every postmaster whose data directory is under `root` (a fast
 * shutdown, SIGINT): the teardown's net for clusters a test started or left behind.
 */
export async function stopClustersUnder(root: string, depth = 3): Promise<void> {
  const pids: number[] = [];
  const walk = (dir: string, left: number) => {
    if (existsSync(path.join(dir, "postmaster.pid"))) {
      try {
        pids.push(postmasterPid(dir));
      } catch {
        // a half-written pid file: nothing to stop
      }
    }
    if (left === 0) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory() && !entry.isSymbolicLink()) walk(path.join(dir, entry.name), left - 1);
  };
  if (existsSync(root)) walk(root, depth);
  for (const pid of pids.filter(isAlive)) process.kill(pid, "SIGINT");
  for (const pid of pids) await until(`postmaster ${pid} stopped`, () => !isAlive(pid), 30_000);
}

/** The net under a test's own unmount: any file system still mounted under `root` (a loop disk) is detached. */
export function unmountUnder(root: string): void {
  const mounts = readFileSync("/proc/mounts", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[1])
    .filter((at): at is string => Boolean(at) && at!.startsWith(`${root}/`));
  for (const at of mounts.reverse()) execFileSync("umount", ["-l", at], { stdio: "ignore" });
}
