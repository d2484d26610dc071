// The cluster tier's topology, started the way an operator would: `npm run start:cluster`
// (haproxy, web instances, workers) against one PostgreSQL started here and the object
// store the test names, in cluster mode with key files shared by every instance.
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { allowAppLogin, APP_ROLE, startEmbeddedPostgres, urlAs, freePort } from "../../src/cli/embedded-db.mjs";
import { waitForOk } from "../../src/cli/cluster/web-instance";

const root = path.resolve(import.meta.dirname, "../..");

export interface Topology {
  baseUrl: string;
  /** the owner's URL, for the test's own checks and factories */
  ownerUrl: string;
  env: NodeJS.ProcessEnv;
  instancePublicKeyPem: string;
  /** web instance name → pid, as start:cluster reported them (a restarted one updates it) */
  webPids: Map<string, number>;
  stop(): Promise<void>;
}

/** The shared secrets of a cluster, as an operator provisions them (SEGEL_CLUSTER=1 makes none). */
function writeSharedKeys(dir: string) {
  mkdirSync(dir, { mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const files = {
    SEGEL_INSTANCE_KEY_FILE: path.join(dir, "instance-key.pem"),
    SEGEL_AT_REST_KEY_FILE: path.join(dir, "at-rest.key"),
    SEGEL_AUDIT_HEADS_FILE: path.join(dir, "audit-tree-heads.jsonl"),
  };
  writeFileSync(files.SEGEL_INSTANCE_KEY_FILE, privateKey.export({ format: "pem", type: "pkcs8" }), { mode: 0o600 });
  writeFileSync(files.SEGEL_AT_REST_KEY_FILE, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  return { files, publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString() };
}

export async function startTopology(options: {
  web: number;
  workers: number;
  storeEnv: Record<string, string>;
}): Promise<Topology> {
  const work = mkdtempSync(path.join(os.tmpdir(), "segel-cluster-"));
  chmodSync(work, 0o755);
  const database = await startEmbeddedPostgres({
    dataDir: path.join(work, "pg"),
    port: await freePort(),
    durable: false,
  });
  const admin = new pg.Client({ connectionString: database.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE segel_cluster_test");
  await admin.end();
  const ownerUrl = database.url("segel_cluster_test");
  const appPassword = randomBytes(18).toString("base64url");
  await allowAppLogin(ownerUrl, appPassword);
  const keys = writeSharedKeys(path.join(work, "keys"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.storeEnv,
    ...keys.files,
    NODE_ENV: "production",
    SEGEL_CLUSTER: "1",
    PORT: String(port),
    SEGEL_WEB_PORT_BASE: String(await freePort()),
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    SEGEL_MIGRATION_DATABASE_URL: ownerUrl,
    DATABASE_URL: urlAs(ownerUrl, APP_ROLE, appPassword),
    SEGEL_WORKER_INTERVAL_MS: "1000",
    SEGEL_DRAIN_TIMEOUT_MS: "10000",
    // the workers copy the file store for the backup (the WAL is the external server's): into this run's folder
    SEGEL_BACKUP_DIR: path.join(work, "backup"),
  };
  const webPids = new Map<string, number>();
  const cluster: ChildProcess = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    ["src/cli/start.ts", "--cluster", "--web", String(options.web), "--workers", String(options.workers)],
    {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    },
  );
  let log = "";
  cluster.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    log += chunk;
    for (const m of chunk.matchAll(/web instance (web\d+) \(pid (\d+)\)/g)) webPids.set(m[1]!, Number(m[2]));
    if (process.env.SEGEL_CLUSTER_VERBOSE) process.stdout.write(chunk);
  });
  const exited = new Promise<void>((resolve) => cluster.on("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  async function stop() {
    if (cluster.exitCode === null) process.kill(-cluster.pid!, "SIGTERM");
    await exited;
    await database.stop().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
  try {
    // migrations and the demo seed come first, and the build when it is stale (in CI the
    // end-to-end tier's build is fresh; on a busy laptop a build takes minutes)
    await Promise.race([
      waitForOk(`${baseUrl}/api/health`, 1_200_000),
      exited.then(() => Promise.reject(new Error(`start:cluster exited:\n${log.slice(-3000)}`))),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, ownerUrl, env, instancePublicKeyPem: keys.publicKeyPem, webPids, stop };
}

export { freePort } from "../../src/cli/embedded-db.mjs";
