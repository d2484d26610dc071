// A Segel instance a journey can crash and start again (issue 13): its own embedded
// PostgreSQL, database, keys, file store, SMTP server and port, on the one .next build the
// demo server made (like serve-empty.ts). `stop()` kills the web server with SIGKILL (a
// crash, not a drain) and the worker; `start()` brings both back on the same database and
// keys. The shared demo server other journeys use is never touched.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { until } from "../setup/until";
import { moveClock } from "./move-clock";
import { allowAppLogin, APP_ROLE, freePort, startEmbeddedPostgres, urlAs } from "../../src/cli/embedded-db.mjs";
import {
  startSmtpTestServer,
  type ReceivedMail,
  type SmtpTestServer,
} from "../../src/modules/notifications/testing/smtp-test-server";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const quiet = { CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", NEXT_TELEMETRY_DISABLED: "1" };

/**
 * Beats every 2 s, a gap after 30 s of silence: the journeys' outages are hours of
 * database clock, so only a silence longer than a loaded machine's pause counts.
 */
export const INSTANCE_HEARTBEAT = { SEGEL_HEARTBEAT_SECONDS: "2", SEGEL_DOWNTIME_GAP_SECONDS: "30" };

export interface StoppableInstance {
  /** http://localhost:<port> */
  url: string;
  /** the owner's URL (migrations, the operator's CLI, the test's SQL) */
  ownerUrl: string;
  /** what the SMTP server of this instance received, oldest first */
  mail: ReceivedMail[];
  /** the folder holding keys/, files/ and the database */
  dir: string;
  env: NodeJS.ProcessEnv;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** stops everything and removes the folder */
  close(): Promise<void>;
  sql<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  /** `npm run segel -- <args>` as this instance's operator (the owner's connection, its keys) */
  segel(args: string[], stdin?: string | Buffer): { status: number | null; output: string };
  /** moves this database's clock forward like helpers.ts advanceClock, heartbeats along */
  advanceClock(ms: number): Promise<void>;
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(tsx, ["--conditions=react-server", ...args], { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited with ${result.status}:\n${result.stderr}`);
}

/**
 * Makes the instance: database migrated, then the demo seeded (`demo`) or an empty LPSE
 * (SEGEL_DEMO=0) as prepare-instance.ts makes it. Call start() to serve it.
 */
export async function createInstance(options: { demo: boolean; env?: Record<string, string> }) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "segel-e2e-stoppable-"));
  await chmod(dir, 0o755); // the embedded PostgreSQL may run as another user
  await mkdir(path.join(dir, "keys"), { recursive: true });
  const [pgPort, port] = [await freePort(), await freePort()];
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: pgPort, durable: false });
  const db = "segel_stoppable";
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  // the journeys move this database's clock (segel_now()), never the shared one's
  await admin.query(`ALTER DATABASE ${db} SET segel.test_clock = 'on'`);
  await admin.end();
  const ownerUrl = server.url(db);
  const smtp: SmtpTestServer = await startSmtpTestServer();
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...quiet,
    SEGEL_DEMO: options.demo ? "1" : "0",
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: "e2e-stoppable-secret-not-for-production-0123",
    PORT: String(port),
    SEGEL_INSTANCE_KEY_FILE: path.join(dir, "keys", "instance-ed25519.pem"),
    SEGEL_AT_REST_KEY_FILE: path.join(dir, "keys", "at-rest.key"),
    SEGEL_AUDIT_HEADS_FILE: path.join(dir, "keys", "audit-tree-heads.jsonl"),
    SEGEL_FILE_STORE: path.join(dir, "files"),
    SEGEL_BACKUP: "0",
    SEGEL_BACKUP_DIR: path.join(dir, "backup"),
    SEGEL_SMTP_URL: smtp.url,
    SEGEL_WORKER_INTERVAL_MS: "1000",
    SEGEL_SIGNIN_DELAY_MS_PER_FAILURE: "100",
    ...INSTANCE_HEARTBEAT,
    ...options.env,
  };
  const ownerEnv = { ...env, DATABASE_URL: ownerUrl };
  const migrate = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"],
    {
      cwd: root,
      env: ownerEnv,
      encoding: "utf8",
    },
  );
  if (migrate.status !== 0) throw new Error(`migrate deploy failed:\n${migrate.stdout}${migrate.stderr}`);
  run(["src/cli/prepare-instance.ts"], ownerEnv);
  if (options.demo) run(["prisma/seed.ts"], ownerEnv);
  const appPassword = "e2e-stoppable-app-password";
  await allowAppLogin(server.url("postgres"), appPassword);
  const appEnv: NodeJS.ProcessEnv = {
    ...env,
    DATABASE_URL: urlAs(ownerUrl, APP_ROLE, appPassword),
    NODE_ENV: "production",
  };

  let web: ChildProcess | null = null;
  let worker: ChildProcess | null = null;
  const spawnGroup = (args: string[]) =>
    spawn(tsx, args, { cwd: root, env: appEnv, stdio: ["ignore", "ignore", "inherit"], detached: true });
  // tsx runs node as its child: the whole process group goes, as a crash takes both
  const kill = async (child: ChildProcess | null) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {}
    await exited;
  };

  const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  const instance: StoppableInstance = {
    url,
    ownerUrl,
    mail: smtp.received,
    dir,
    env: ownerEnv,
    sql,
    async start() {
      web = spawnGroup(["src/cli/serve.ts"]);
      worker = spawnGroup(["--conditions=react-server", "src/cli/worker.ts"]);
      const started = web;
      await until(
        `${url} answering`,
        async () => {
          if (started.exitCode !== null) throw new Error(`the web server of ${url} exited with ${started.exitCode}`);
          return fetch(`${url}/`, { signal: AbortSignal.timeout(20_000) }).then(
            (r) => r.status === 200,
            () => false,
          );
        },
        120_000,
      );
    },
    async stop() {
      await Promise.all([kill(web), kill(worker)]);
      web = worker = null;
    },
    async close() {
      await instance.stop();
      await smtp.close().catch(() => {});
      await server.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
    segel(args, stdin = "") {
      const result = spawnSync("npm", ["run", "--silent", "segel", "--", ...args], {
        cwd: root,
        input: stdin,
        encoding: "utf8",
        timeout: 180_000,
        env: ownerEnv,
      });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    },
    advanceClock: (ms) => moveClock(ownerUrl, ms),
  };
  return instance;
}
