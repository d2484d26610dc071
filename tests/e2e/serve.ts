// The server the Playwright journeys run against: a throwaway embedded PostgreSQL with a
// freshly migrated and seeded database, and the real production build (next build +
// next start) through the same start script users run.
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { ChildProcess } from "node:child_process";
import {
  allowAppLogin,
  allowBackupLogin,
  APP_ROLE,
  BACKUP_ROLE,
  startEmbeddedPostgres,
  urlAs,
} from "../../src/cli/embedded-db.mjs";
import { startBackupWorkerWhenUp } from "./backup-worker";
import { E2E_DB_NAME, E2E_PG_PORT, E2E_PORT } from "./env";
import { OIDC_E2E_CLIENT_ID, OIDC_E2E_CLIENT_SECRET, OIDC_E2E_ISSUER, OIDC_E2E_NAME } from "./oidc-env";
import { startOidcProvider } from "./oidc-provider";

const root = path.resolve(import.meta.dirname, "../..");
const dir = await mkdtemp(path.join(os.tmpdir(), "segel-e2e-pg-"));
await chmod(dir, 0o755);
// Backups on, as `npm start` has them: WAL archived into this run's own backup directory.
const backupDir = path.join(dir, "backup");
const server = await startEmbeddedPostgres({
  dataDir: path.join(dir, "data"),
  port: E2E_PG_PORT,
  durable: false,
  archiveDir: path.join(backupDir, "wal"),
  archiveTimeoutSeconds: 10,
});
const admin = new pg.Client({ connectionString: server.url("postgres") });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${E2E_DB_NAME} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${E2E_DB_NAME}`);
// This database only: the journeys may shift the database clock (tests/e2e/helpers.ts).
await admin.query(`ALTER DATABASE ${E2E_DB_NAME} SET segel.test_clock = 'on'`);
await admin.end();
// The portal connects as segel_app like `npm start`, here the way a DBA sets up another
// server (README, "Database roles"): the role first, then the owner's URL for migrations.
const APP_PASSWORD = "e2e-app-password-not-for-production";
await allowAppLogin(server.url("postgres"), APP_PASSWORD);
// and the backup role, in this database (its grants of the backup functions are per database)
const BACKUP_PASSWORD = "e2e-backup-password-not-for-production";
await allowBackupLogin(server.url(E2E_DB_NAME), BACKUP_PASSWORD);

// The central sign-in's provider (INAPROC's stand-in), in this process (central-sign-in.spec.ts).
const oidc = await startOidcProvider(`http://localhost:${E2E_PORT}`);

const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  SEGEL_MIGRATION_DATABASE_URL: server.url(E2E_DB_NAME),
  DATABASE_URL: urlAs(server.url(E2E_DB_NAME), APP_ROLE, APP_PASSWORD),
  PORT: String(E2E_PORT),
  NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
  NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  // keep the sign-in slow-down real but short, so the pause journey stays quick
  SEGEL_SIGNIN_DELAY_MS_PER_FAILURE: "100",
  // the schedule worker looks every second, so short test schedules move promptly
  SEGEL_WORKER_INTERVAL_MS: "1000",
  // the audit log's signed heads belong to this throwaway database, not to .data/
  SEGEL_AUDIT_HEADS_FILE: path.join(dir, "audit-tree-heads.jsonl"),
  SEGEL_OIDC_ISSUER: OIDC_E2E_ISSUER,
  SEGEL_OIDC_CLIENT_ID: OIDC_E2E_CLIENT_ID,
  SEGEL_OIDC_CLIENT_SECRET: OIDC_E2E_CLIENT_SECRET,
  SEGEL_OIDC_NAME: OIDC_E2E_NAME,
  SEGEL_BACKUP_DIR: backupDir,
  // no disk floor: the journeys expect "Cadangan sehat", whatever the host's free space
  // (DISK_LOW has its own tests: backup-jobs.int.test.ts, tests/backup/disk-full.test.ts)
  SEGEL_BACKUP_DISK_MIN_FREE_PERCENT: "0",
  SEGEL_BACKUP_DISK_MIN_FREE_MB: "0",
};
const app = spawn(path.join(root, "node_modules/.bin/tsx"), ["src/cli/start.ts"], {
  cwd: root,
  stdio: "inherit",
  env: appEnv,
});
let backupWorker: ChildProcess | null = null;
let isStopping = false;
startBackupWorkerWhenUp({
  root,
  url: `http://localhost:${E2E_PORT}/`,
  env: {
    ...appEnv,
    SEGEL_BACKUP_DATABASE_URL: urlAs(server.url(E2E_DB_NAME), BACKUP_ROLE, BACKUP_PASSWORD),
    SEGEL_PG_DATA_DIR: path.join(dir, "data"),
  },
  onStart: (worker) => (backupWorker = worker),
  isStopping: () => isStopping,
});

async function stop(code: number) {
  isStopping = true;
  backupWorker?.kill("SIGTERM");
  app.kill("SIGTERM");
  await oidc.close().catch(() => {});
  await server.stop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
  process.exit(code);
}
app.on("exit", (code) => void stop(code ?? 0));
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
