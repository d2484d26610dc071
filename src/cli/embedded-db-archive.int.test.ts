import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  allowBackupLogin,
  APP_ROLE,
  archiveCommand,
  BACKUP_ROLE,
  restoreCommand,
  startEmbeddedPostgres,
  urlAs,
  freePort,
} from "./embedded-db.mjs";
import { until } from "@/tests/setup/until";

// A cluster of its own that archives (the integration tier's shared one does not), in a
// folder whose name holds a space, a quote and a percent sign, as an operator's might.

const SEGMENT = 16 * 1024 * 1024;

/** What PostgreSQL does to archive_command / restore_command before the shell sees it. */
function substitute(command: string, walPath: string, fileName: string): string {
  return command.replace(/%([pf%])/g, (_m, c: string) => (c === "p" ? walPath : c === "f" ? fileName : "%"));
}

function runShell(command: string, cwd: string): number {
  try {
    execFileSync("/bin/sh", ["-c", command], { cwd, stdio: "ignore" });
    return 0;
  } catch (error) {
    return (error as { status?: number }).status ?? 1;
  }
}

interface Archiver {
  archived_count: string;
  last_archived_wal: string | null;
  failed_count: string;
  last_failed_wal: string | null;
}

describe("the embedded PostgreSQL archiving its WAL", () => {
  let dir: string;
  let walDir: string;
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  let client: pg.Client;

  const archiver = async () => (await client.query<Archiver>("SELECT * FROM pg_stat_archiver")).rows[0]!;
  const currentSegment = async () =>
    (await client.query<{ name: string }>("SELECT pg_walfile_name(pg_current_wal_lsn()) AS name")).rows[0]!.name;

  /** Polls pg_stat_archiver (bounded: 30 s) until `done` holds. */
  async function archiverUntil(done: (a: Archiver) => boolean): Promise<Archiver> {
    let state = await archiver();
    await until("the archiver's state", async () => done((state = await archiver())));
    return state;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "segel-archive-"));
    walDir = path.join(dir, "it's 100% backup", "wal");
    server = await startEmbeddedPostgres({
      dataDir: path.join(dir, "data"),
      port: await freePort(),
      durable: false,
      archiveDir: walDir,
      archiveTimeoutSeconds: 60,
    });
    client = new pg.Client({ connectionString: server.url("postgres") });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("archives a switched segment as <segment>.gz that gunzips to the whole segment", async () => {
    await client.query("CREATE TABLE t (id int)");
    await client.query("INSERT INTO t SELECT generate_series(1, 1000)");
    const segment = await currentSegment();
    await client.query("SELECT pg_switch_wal()");
    await archiverUntil((a) => (a.last_archived_wal ?? "") >= segment);
    const archived = path.join(walDir, `${segment}.gz`);
    expect(existsSync(archived)).toBe(true);
    expect(gunzipSync(readFileSync(archived)).length).toBe(SEGMENT);
    expect(existsSync(`${archived}.tmp`)).toBe(false);
  });

  it("archives the same segment again as success, a different one under its name as failure", async () => {
    const [segment] = (await readdir(walDir)).filter((n) => n.endsWith(".gz"));
    const bytes = gunzipSync(readFileSync(path.join(walDir, segment!)));
    const name = segment!.replace(/\.gz$/, "");
    const copy = path.join(dir, "same-segment");
    await writeFile(copy, bytes);
    expect(runShell(substitute(archiveCommand(walDir), copy, name), dir)).toBe(0);
    bytes[4096] = bytes[4096]! ^ 0xff;
    await writeFile(copy, bytes);
    expect(runShell(substitute(archiveCommand(walDir), copy, name), dir)).not.toBe(0);
  });

  it("gives a segment back with the restore command, and fails for one it does not hold", async () => {
    const [segment] = (await readdir(walDir)).filter((n) => n.endsWith(".gz"));
    const name = segment!.replace(/\.gz$/, "");
    const out = path.join(dir, "RECOVERYXLOG");
    expect(runShell(substitute(restoreCommand(walDir), out, name), dir)).toBe(0);
    expect(readFileSync(out).length).toBe(SEGMENT);
    expect(runShell(substitute(restoreCommand(walDir), out, "00000001000000FF000000FF"), dir)).not.toBe(0);
  });

  it("counts a failure in pg_stat_archiver when another file already holds the segment's name", async () => {
    const before = Number((await archiver()).failed_count);
    const segment = await currentSegment();
    const squatter = path.join(walDir, `${segment}.gz`);
    await writeFile(squatter, gzipSync(Buffer.alloc(SEGMENT, 7)));
    await client.query("INSERT INTO t VALUES (1)");
    await client.query("SELECT pg_switch_wal()");
    const after = await archiverUntil((a) => Number(a.failed_count) > before);
    expect(after.last_failed_wal).toBe(segment);
    // the archive kept the other file: nothing was overwritten
    expect(gunzipSync(readFileSync(squatter)).every((b) => b === 7)).toBe(true);
    await rm(squatter);
    // with the squatter gone the archiver catches up (a new segment wakes it)
    await client.query("INSERT INTO t VALUES (2)");
    await client.query("SELECT pg_switch_wal()");
    await archiverUntil((a) => (a.last_archived_wal ?? "") >= segment);
  });

  it("gives segel_backup a login that reads, locks and runs the backup functions, and segel_app the switch", async () => {
    await client.query(`CREATE ROLE ${APP_ROLE} LOGIN PASSWORD 'app-password-for-this-test'`);
    await allowBackupLogin(server.url("postgres"), "first password");
    await allowBackupLogin(server.url("postgres"), "second password"); // again: an update, not an error
    const backup = new pg.Client({ connectionString: urlAs(server.url("postgres"), BACKUP_ROLE, "second password") });
    await backup.connect();
    try {
      expect((await backup.query("SELECT count(*)::int AS n FROM t")).rows[0].n).toBeGreaterThan(0);
      await backup.query("BEGIN");
      await backup.query("LOCK TABLE t IN SHARE MODE");
      await backup.query("COMMIT");
      await backup.query("SELECT pg_backup_start('test', true)");
      await backup.query("SELECT * FROM pg_backup_stop(false)");
      await backup.query("SELECT pg_create_restore_point('segel-test')");
      await backup.query("SELECT pg_switch_wal()");
      await expect(backup.query("INSERT INTO t VALUES (3)")).rejects.toThrow(/permission denied/);
    } finally {
      await backup.end();
    }
    const app = new pg.Client({
      connectionString: urlAs(server.url("postgres"), APP_ROLE, "app-password-for-this-test"),
    });
    await app.connect();
    try {
      await app.query("SELECT pg_switch_wal()");
      await expect(app.query("SELECT pg_create_restore_point('no')")).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });
});

describe("archive_timeout on a freshly started embedded PostgreSQL", () => {
  it("archives a write within the timeout with no switch asked for, and the last one at a clean stop", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "segel-archive-timeout-"));
    const walDir = path.join(dir, "wal");
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dir, "data"),
      port: await freePort(),
      durable: false,
      archiveDir: walDir,
      archiveTimeoutSeconds: 5,
    });
    const client = new pg.Client({ connectionString: server.url("postgres") });
    await client.connect();
    let stopped = false;
    try {
      await client.query("CREATE TABLE t (id int)");
      await client.query("INSERT INTO t VALUES (1)");
      const { rows } = await client.query<{ name: string }>("SELECT pg_walfile_name(pg_current_wal_lsn()) AS name");
      const segment = rows[0]!.name;
      // bounded: 5 s of archive_timeout, then the checkpointer's next look and the gzip
      await until(
        `${segment} archived on archive_timeout=5`,
        () => existsSync(path.join(walDir, `${segment}.gz`)),
        40_000,
      );
      // a write just before a clean stop is archived by the stop itself
      await client.query("INSERT INTO t VALUES (2)");
      const last = (await client.query<{ name: string }>("SELECT pg_walfile_name(pg_current_wal_lsn()) AS name"))
        .rows[0]!.name;
      await client.end();
      stopped = true;
      await server.stop();
      expect(existsSync(path.join(walDir, `${last}.gz`))).toBe(true);
    } finally {
      if (!stopped) {
        await client.end().catch(() => {});
        await server.stop();
      }
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
