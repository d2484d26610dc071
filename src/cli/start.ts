// `npm start` (and `npm run dev` with --dev): one command from a fresh clone to a running
// portal. Starts the embedded PostgreSQL unless DATABASE_URL is set, applies migrations,
// seeds the demo data on first run, builds when the sources changed, and serves.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync, readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  allowAppLogin,
  allowBackupLogin,
  APP_ROLE,
  BACKUP_ROLE,
  ensureDatabase,
  startEmbeddedPostgres,
  urlAs,
} from "./embedded-db.mjs";
import { readBackupSettings } from "../server/backup-settings";
import { isArchiving, withBackupAccess, type BackupAccess } from "./start-backup";
import { assertClusterSettings } from "../server/cluster-settings";
import { clusterSize, startCluster } from "./cluster";
import { readDemoSetting } from "./instance-mode";
import { demoWelcomeLines } from "../../prisma/seed/demo-people";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, ".data");
const isDev = process.argv.includes("--dev");
// `npm run start:cluster`: haproxy, several web processes and --workers M (src/cli/cluster.ts)
const isCluster = process.argv.includes("--cluster");
const size = isCluster ? clusterSize(process.argv) : { web: 1, workers: 1 };
const port = Number(process.env.PORT ?? 3000);
const children: ChildProcess[] = [];
let stopDatabase = async () => {};
let isShuttingDown = false;

const say = (line: string) => console.log(`[segel] ${line}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/** Secrets made once per installation and kept in .data (git-ignored); one that a newer
 * version added is made on its first start. */
async function localSecrets(): Promise<{
  nextauthSecret: string;
  databaseAppPassword: string;
  databaseBackupPassword: string;
}> {
  const file = path.join(dataDir, "secrets.json");
  const kept = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets = {
    nextauthSecret: randomBytes(32).toString("base64url"),
    databaseAppPassword: randomBytes(24).toString("base64url"),
    databaseBackupPassword: randomBytes(24).toString("base64url"),
    ...kept,
  };
  if (Object.keys(secrets).length === Object.keys(kept).length) return secrets;
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs);
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = ["src", "public", "next.config.ts", "package-lock.json", "prisma/schema.prisma"].map((p) =>
    newestMtime(path.join(root, p)),
  );
  return Math.max(...sources) > statSync(buildId).mtimeMs;
}

/**
 * Migrations and the seed connect as the owner of the tables; the portal and the worker as
 * segel_app, which may only append to the audit trail (docs/decisions/0013-database-roles.md).
 * `appPassword` is set when this script gives segel_app its login (the embedded database);
 * `backup` when the embedded database archives its WAL (SEGEL_BACKUP on, the default).
 */
async function databaseUrls(): Promise<{ owner: string; app: string; appPassword?: string; backup?: BackupAccess }> {
  const backupSettings = readBackupSettings(process.env, root);
  if (process.env.DATABASE_URL) {
    say("Using the PostgreSQL in DATABASE_URL.");
    if (backupSettings.enabled)
      say(
        `WAL archiving and base backups of that server belong to it, not to Segel: see docs/backup-external-postgres.md. File store copies go to ${backupSettings.dir}.`,
      );
    const owner = process.env.SEGEL_MIGRATION_DATABASE_URL;
    if (!owner)
      say(
        'SEGEL_MIGRATION_DATABASE_URL is not set: the portal connects as the owner of the tables, who can rewrite the audit trail (README, "Database roles").',
      );
    return { owner: owner ?? process.env.DATABASE_URL, app: process.env.DATABASE_URL };
  }
  const pgPort = Number(process.env.SEGEL_PG_PORT ?? 54329);
  const pgDataDir = path.join(dataDir, "postgres");
  say(`Starting the embedded PostgreSQL (data in .data/postgres, port ${pgPort}) ...`);
  if (backupSettings.enabled) {
    // made here: others may pass through (to wal/, the server's as root) but never list it
    await mkdir(backupSettings.dir, { recursive: true, mode: 0o711 });
    say(
      `Backups go to ${backupSettings.dir} (WAL archived within ${backupSettings.archiveTimeoutSeconds} s of a write; ` +
        `SEGEL_BACKUP_DIR belongs on another disk). The keys are not in it: npm run segel -- keys export.`,
    );
  } else say("SEGEL_BACKUP=0: no backups are made.");
  const server = await startEmbeddedPostgres({
    dataDir: pgDataDir,
    port: pgPort,
    ...(backupSettings.enabled
      ? {
          archiveDir: path.join(backupSettings.dir, "wal"),
          archiveTimeoutSeconds: backupSettings.archiveTimeoutSeconds,
        }
      : {}),
  });
  stopDatabase = server.stop;
  await ensureDatabase(server.url("postgres"), "segel");
  const { databaseAppPassword, databaseBackupPassword } = await localSecrets();
  const archiving = backupSettings.enabled && (await isArchiving(pgPort, say));
  return {
    owner: server.url("segel"),
    app: urlAs(server.url("segel"), APP_ROLE, databaseAppPassword),
    appPassword: databaseAppPassword,
    ...(archiving
      ? {
          backup: {
            url: urlAs(server.url("segel"), BACKUP_ROLE, databaseBackupPassword),
            password: databaseBackupPassword,
            pgDataDir,
          },
        }
      : {}),
  };
}

function printWelcome() {
  const url = `http://localhost:${port}`;
  console.log(
    [
      "",
      `  Segel is running at ${url}`,
      "",
      ...demoWelcomeLines(),
      "",
      "  Stop with Ctrl+C. Data stays in .data/ between runs.",
      "",
    ].join("\n"),
  );
}

/** With the demo off there are no accounts yet: the first administrator comes from the command. */
function printEmptyInstanceWelcome() {
  console.log(
    [
      "",
      `  Segel is running at ${process.env.NEXTAUTH_URL ?? `http://localhost:${port}`} (an empty instance: SEGEL_DEMO=0)`,
      "",
      "  Next: create the first LPSE administrator, in another terminal:",
      '    npm run segel -- admin create --email <e-mail> --name "<full name>"',
      "  then sign in at /masuk and fill in the LPSE profile at /admin/profil.",
      "",
      "  Stop with Ctrl+C.",
      "",
    ].join("\n"),
  );
}

/**
 * The schedule worker (src/cli/worker.ts) runs beside the web server with the same
 * environment plus the backup role's (its own copy); if it dies it is started again, since
 * tenders only move while it runs.
 */
function startWorker(env: NodeJS.ProcessEnv) {
  const worker = spawn(bin("tsx"), ["--conditions=react-server", "src/cli/worker.ts"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  children.push(worker);
  worker.on("exit", (code) => {
    children.splice(children.indexOf(worker), 1);
    if (isShuttingDown) return;
    say(`The schedule worker exited (${code}); starting it again in 5 seconds.`);
    setTimeout(() => !isShuttingDown && startWorker(env), 5000);
  });
}

async function shutdown(code: number) {
  if (isShuttingDown) return;
  isShuttingDown = true;
  // web processes drain (SEGEL_DRAIN_TIMEOUT_MS) and workers end their tick before the
  // embedded database stops under them
  const exits = children.map(
    (child) =>
      new Promise((resolve) =>
        child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve),
      ),
  );
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(exits);
  await stopDatabase().catch(() => {});
  process.exit(code);
}

async function main() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  // SEGEL_CLUSTER=1: the keys and secrets are the cluster's, never made here (docs/decisions/0017)
  assertClusterSettings(env);
  const database = await databaseUrls();
  env.NEXTAUTH_SECRET ??= (await localSecrets()).nextauthSecret;
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  say("Applying database migrations ...");
  await run(bin("prisma"), ["migrate", "deploy"], { ...env, DATABASE_URL: database.owner });
  // SEGEL_DEMO=0: an empty instance; the demo and a real LPSE never share a database (docs/decisions/0031)
  const isDemo = readDemoSetting(env.SEGEL_DEMO) === true;
  await run(bin("tsx"), ["--conditions=react-server", "src/cli/prepare-instance.ts"], {
    ...env,
    DATABASE_URL: database.owner,
  });
  if (isDemo) {
    say("Seeding demo data (first run only) ...");
    await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], { ...env, DATABASE_URL: database.owner });
  }
  // the migration made the role; it signs in with the password kept in .data/secrets.json
  if (database.appPassword) await allowAppLogin(database.owner, database.appPassword);
  // after segel_app exists: it is granted pg_switch_wal for a bid's acknowledgement
  if (database.backup) await allowBackupLogin(database.owner, database.backup.password);
  env.DATABASE_URL = database.app;
  // the portal and the worker never hold the owner's credentials
  delete env.SEGEL_MIGRATION_DATABASE_URL;
  const workerEnv = withBackupAccess(env, database.backup);

  if (!isDev && buildIsStale()) {
    say(
      "Building the portal (next build: half a minute on an idle 2-core machine, 5 minutes or more on a busy one; only when the sources changed) ...",
    );
    await run(bin("next"), ["build"], { ...env, NODE_ENV: "production" });
  }
  if (isCluster) {
    // haproxy in front of several serve.ts processes (src/cli/cluster.ts)
    startCluster({
      root,
      port,
      web: size.web,
      env,
      children,
      isShuttingDown: () => isShuttingDown,
      say,
      onFatal: (code) => void shutdown(code),
    });
  } else {
    // Next behind src/cli/serve.ts, which decides the client's address (SEGEL_TRUSTED_PROXIES)
    const serveArgs = ["src/cli/serve.ts", ...(isDev ? ["--dev"] : [])];
    const next = spawn(bin("tsx"), serveArgs, { cwd: root, env: { ...env, PORT: String(port) }, stdio: "inherit" });
    children.push(next);
    next.on("exit", (code) => void shutdown(code ?? 0));
  }
  for (let i = 0; i < size.workers; i++) startWorker(workerEnv);
  setTimeout(isDemo ? printWelcome : printEmptyInstanceWelcome, isDev ? 4000 : 1500);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch(async (error) => {
  console.error(`[segel] Start failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
