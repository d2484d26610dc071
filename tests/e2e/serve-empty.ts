// The server the empty-instance journey runs against: Segel started as a new LPSE would
// start it (SEGEL_DEMO=0) on a throwaway embedded PostgreSQL of its own, sending its mail
// over SMTP to a real SMTP server in this process, whose mail a test-only HTTP endpoint
// hands out as JSON (tests/e2e/empty-instance/mail.ts). Same pattern as serve.ts.
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { allowAppLogin, APP_ROLE, startEmbeddedPostgres, urlAs } from "../../src/cli/embedded-db.mjs";
import { startSmtpTestServer } from "../../src/modules/notifications/testing/smtp-test-server";
import { E2E_EMPTY_DB_NAME, E2E_EMPTY_MAIL_PORT, E2E_EMPTY_PG_PORT, E2E_EMPTY_PORT, E2E_PORT } from "./env";

const root = path.resolve(import.meta.dirname, "../..");

// Both servers run the one .next build, which `npm start` makes when the sources changed.
// The demo server (serve.ts) builds it; this one starts once that server answers, so two
// builds never run at once and the build is made once per run.
async function waitForDemoServer() {
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    const answered = await fetch(`http://localhost:${E2E_PORT}/api/health`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  throw new Error(`the demo end-to-end server on port ${E2E_PORT} did not answer within 15 minutes`);
}
await waitForDemoServer();

const dir = await mkdtemp(path.join(os.tmpdir(), "segel-e2e-empty-"));
await chmod(dir, 0o755);
const server = await startEmbeddedPostgres({
  dataDir: path.join(dir, "data"),
  port: E2E_EMPTY_PG_PORT,
  durable: false,
});
const admin = new pg.Client({ connectionString: server.url("postgres") });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${E2E_EMPTY_DB_NAME} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${E2E_EMPTY_DB_NAME}`);
await admin.end();
const APP_PASSWORD = "e2e-empty-app-password-not-for-production";
await allowAppLogin(server.url("postgres"), APP_PASSWORD);

const smtp = await startSmtpTestServer();
// GET /mail: every message received so far, oldest first. Test-only, on 127.0.0.1.
const mailEndpoint = createServer((request, response) => {
  if (request.method !== "GET" || request.url !== "/mail") return void response.writeHead(404).end();
  response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(smtp.received));
});
await new Promise<void>((resolve) => mailEndpoint.listen(E2E_EMPTY_MAIL_PORT, "127.0.0.1", resolve));

const app = spawn(path.join(root, "node_modules/.bin/tsx"), ["src/cli/start.ts"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    SEGEL_DEMO: "0",
    SEGEL_MIGRATION_DATABASE_URL: server.url(E2E_EMPTY_DB_NAME),
    DATABASE_URL: urlAs(server.url(E2E_EMPTY_DB_NAME), APP_ROLE, APP_PASSWORD),
    PORT: String(E2E_EMPTY_PORT),
    NEXTAUTH_URL: `http://localhost:${E2E_EMPTY_PORT}`,
    NEXTAUTH_SECRET: "e2e-empty-secret-not-for-production-0123456789",
    SEGEL_SMTP_URL: smtp.url,
    SEGEL_WORKER_INTERVAL_MS: "1000",
    SEGEL_AUDIT_HEADS_FILE: path.join(dir, "audit-tree-heads.jsonl"),
    // its worker copies the file store as every worker does: into this run's folder, not .data/
    SEGEL_BACKUP_DIR: path.join(dir, "backup"),
  },
});

async function stop(code: number) {
  app.kill("SIGTERM");
  mailEndpoint.close();
  await smtp.close().catch(() => {});
  await server.stop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
  process.exit(code);
}
app.on("exit", (code) => void stop(code ?? 0));
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
