import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowAppLogin, allowBackupLogin, BACKUP_ROLE, startEmbeddedPostgres, urlAs } from "@/cli/embedded-db.mjs";
import { objectStore } from "@/server/object-store";
import { getInstanceKey } from "@/server/instance-key";
import { prismaCli } from "../../../../tests/setup/prisma-cli";
import { manifestPath, setDir, setIdAt, signaturePath, storeObjectPath, walDir } from "../domain/layout";
import { isManifestSigned, type BackupManifest } from "../domain/manifest";
import { applyRetention } from "./apply-retention";
import { restoreCluster } from "./restore-cluster";
import { freePort, startRestored } from "./start-restored";
import { takeBaseBackup } from "./take-base-backup";
import { until } from "@/tests/setup/until";

// A cluster of its own that archives (the integration tier's shared one does not), migrated
// like the template, with segel_backup signing in as the worker does.

const DAY = 24 * 60 * 60 * 1000;
const lsn = (text: string) => {
  const [hi = "0", lo = "0"] = text.split("/");
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
};

describe("a base backup of an archiving cluster", () => {
  let dir: string;
  let backupRoot: string;
  let dataDir: string;
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  let ownerUrl: string;
  let backupUrl: string;

  const backup = (now?: Date) => takeBaseBackup({ backupUrl, dataDir, backupRoot, now, archiveWaitMs: 60_000 });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "segel-base-backup-"));
    await chmod(dir, 0o755);
    backupRoot = path.join(dir, "backup");
    dataDir = path.join(dir, "data");
    server = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      archiveDir: walDir(backupRoot),
      archiveTimeoutSeconds: 60,
    });
    const admin = new pg.Client({ connectionString: server.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE segel");
    await admin.end();
    ownerUrl = server.url("segel");
    prismaCli(["migrate", "deploy"], ownerUrl);
    await allowAppLogin(server.url("postgres"), randomBytes(12).toString("hex"));
    const password = randomBytes(12).toString("hex");
    // function grants are per database: on the application's
    await allowBackupLogin(ownerUrl, password);
    backupUrl = urlAs(ownerUrl, BACKUP_ROLE, password);
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    await owner.query("CREATE TABLE backup_probe (id serial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())");
    await owner.end();
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("counts exactly the rows committed before its restore point while another connection keeps inserting", async () => {
    const stored = {
      docs: "objects/" + randomBytes(8).toString("hex"),
      sealed: "sealed/" + randomBytes(8).toString("hex"),
    };
    const one = async function* (bytes: Buffer) {
      yield bytes;
    };
    await objectStore().put(stored.docs, one(Buffer.from("a document")));
    await objectStore().put(stored.sealed, one(randomBytes(5000)));
    await objectStore().put("staging-uploads/" + randomBytes(8).toString("hex"), one(Buffer.from("transient")));

    // one writer, one row per transaction: commit order is id order
    const writer = new pg.Client({ connectionString: ownerUrl });
    await writer.connect();
    const inserts: { id: number; before: bigint; after: bigint }[] = [];
    let stop = false;
    const writing = (async () => {
      while (!stop) {
        const before = (await writer.query("SELECT pg_current_wal_insert_lsn()::text AS l")).rows[0].l as string;
        const { id } = (await writer.query("INSERT INTO backup_probe DEFAULT VALUES RETURNING id")).rows[0] as {
          id: number;
        };
        const after = (await writer.query("SELECT pg_current_wal_insert_lsn()::text AS l")).rows[0].l as string;
        inserts.push({ id, before: lsn(before), after: lsn(after) });
      }
    })();
    const waitForRows = async (n: number) => {
      await until(`${n} rows inserted`, () => inserts.length >= n);
    };
    let result: Awaited<ReturnType<typeof backup>>;
    try {
      await waitForRows(20);
      result = await backup();
      await waitForRows(inserts.length + 20);
    } finally {
      stop = true;
      await writing.catch(() => {});
      await writer.end();
    }

    const m = result.manifest;
    const counted = m.rowCounts.backup_probe!;
    const point = lsn(m.database.restorePointLsn);
    const beforePoint = inserts.filter((i) => i.after <= point);
    const afterPoint = inserts.filter((i) => i.before >= point);
    expect(beforePoint.length).toBeGreaterThan(0);
    expect(afterPoint.length).toBeGreaterThan(0);
    // every row whose commit is before the restore point is counted, none after it
    expect(Math.max(...beforePoint.map((i) => i.id))).toBeLessThanOrEqual(counted);
    expect(Math.min(...afterPoint.map((i) => i.id))).toBeGreaterThan(counted);
    expect(counted).toBeGreaterThanOrEqual(20);

    // and a restore to the restore point holds exactly those rows, in every table
    const into = path.join(dir, `restored-${result.setId}`);
    await restoreCluster({ backupRoot, setId: result.setId, target: { kind: "restorePoint" }, into, archive: false });
    const restored = await startRestored({ dir: into, port: await freePort(), archive: false });
    try {
      const client = new pg.Client({ connectionString: restored.url("segel") });
      await client.connect();
      try {
        const probe = await client.query<{ n: string; top: number }>(
          "SELECT count(*) AS n, max(id) AS top FROM backup_probe",
        );
        expect(probe.rows[0]).toEqual({ n: String(counted), top: counted });
        for (const [table, n] of Object.entries(m.rowCounts)) {
          const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
          expect([table, Number(rows[0]!.n)]).toEqual([table, n]);
        }
      } finally {
        await client.end();
      }
    } finally {
      await restored.stop();
      await rm(into, { recursive: true, force: true });
    }

    expect(m.rowCounts._prisma_migrations).toBeGreaterThan(0);
    expect(m.migration).toMatch(/^\d{14}_/);
    expect(m.database.restorePoint).toBe(`segel-${result.setId}`);
    expect(m.database.startWalFile).toMatch(/^[0-9A-F]{24}$/);
    expect(lsn(m.database.stopLsn)).toBeLessThan(point);
    expect(existsSync(path.join(walDir(backupRoot), `${m.database.startWalFile}.gz`))).toBe(true);
    // the data directory as PostgreSQL's documentation says: label in, live-only files out
    const paths = new Set(m.dataFiles.map((f) => f.path));
    expect(paths.has("backup_label")).toBe(true);
    expect(paths.has("PG_VERSION")).toBe(true);
    expect(paths.has("postmaster.pid")).toBe(false);
    expect([...paths].some((p) => p.startsWith("pg_wal/"))).toBe(false);
    // durable areas copied, the staging area not
    expect(m.storeObjects.map((o) => o.path).sort()).toEqual([stored.docs, stored.sealed].sort());
    expect(await readFile(storeObjectPath(backupRoot, stored.docs), "utf8")).toBe("a document");

    console.log(
      `base backup of the migrated template database: ${result.dataFiles} files, ` +
        `${(result.dataBytes / 1048576).toFixed(1)} MiB, ${result.durationsMs.total} ms ` +
        `(copy ${result.durationsMs.copy}, count ${result.durationsMs.count}, archive wait ${result.durationsMs.archive})`,
    );
  }, 180_000);

  it("signs its manifest, and a manifest changed by one byte no longer verifies", async () => {
    const { setId } = await backup();
    const text = await readFile(manifestPath(backupRoot, setId), "utf8");
    const signature = (await readFile(signaturePath(backupRoot, setId), "utf8")).trim();
    const { publicKey } = await getInstanceKey();
    expect(isManifestSigned(JSON.parse(text) as BackupManifest, signature, publicKey)).toBe(true);
    // one digit of one row count
    const at = text.indexOf('"_prisma_migrations": ') + '"_prisma_migrations": '.length;
    const digit = text[at]!;
    const changed = text.slice(0, at) + String((Number(digit) + 1) % 10) + text.slice(at + 1);
    expect(isManifestSigned(JSON.parse(changed) as BackupManifest, signature, publicKey)).toBe(false);
  }, 180_000);

  it("leaves no set and stops the backup on the server when the copy fails half way", async () => {
    // a link sorts last in the data directory: the copy fails after every other file
    const link = path.join(dataDir, "zz-not-a-data-file");
    await symlink(os.tmpdir(), link);
    const now = new Date(Date.now() + 60_000);
    try {
      await expect(backup(now)).rejects.toThrow(/zz-not-a-data-file is a link/);
    } finally {
      await rm(link, { force: true });
    }
    expect(existsSync(setDir(backupRoot, setIdAt(now)))).toBe(false);
    // pg_backup_stop ran (a dropped session aborts a backup with no history file): its
    // backup history file, with our label, reaches the archive
    let labels: string[] = [];
    await until("the backup history file archived", async () => {
      const names = (await readdir(walDir(backupRoot))).filter((n) => n.endsWith(".backup.gz"));
      labels = await Promise.all(
        names.map(async (n) => gunzipSync(await readFile(path.join(walDir(backupRoot), n))).toString("utf8")),
      );
      return labels.some((l) => l.includes(`LABEL: segel-${setIdAt(now)}`));
    });
    expect(labels.some((l) => l.includes(`LABEL: segel-${setIdAt(now)}`) && l.includes("STOP WAL LOCATION"))).toBe(
      true,
    );
  }, 180_000);

  it("fails with a clear error, and leaves no set, when a writer holds a table past every attempt", async () => {
    const writer = new pg.Client({ connectionString: ownerUrl });
    await writer.connect();
    const now = new Date(Date.now() + 90_000);
    try {
      await writer.query("BEGIN");
      await writer.query("INSERT INTO backup_probe DEFAULT VALUES");
      await expect(
        takeBaseBackup({ backupUrl, dataDir, backupRoot, now, counting: { lockTimeoutMs: 200, attempts: 2 } }),
      ).rejects.toThrow(/could not all be locked for counting in 2 attempts/);
    } finally {
      await writer.query("ROLLBACK");
      await writer.end();
    }
    expect(existsSync(setDir(backupRoot, setIdAt(now)))).toBe(false);
  }, 180_000);

  it("keeps the newest set and the WAL it needs, and removes what is past both limits", async () => {
    const now = Date.now();
    const old = await backup(new Date(now - 3 * DAY));
    const newest = await backup(new Date(now + 120_000));
    const unfinishedOld = setIdAt(new Date(now - 2 * DAY));
    const unfinishedYoung = setIdAt(new Date(now - 60_000));
    for (const id of [unfinishedOld, unfinishedYoung])
      await mkdir(path.join(setDir(backupRoot, id), "data"), { recursive: true });
    const history = path.join(walDir(backupRoot), "00000001.history.gz");
    await writeFile(history, "");

    const result = await applyRetention(backupRoot, { keepDays: 1, keepCount: 1, now: new Date(now) });
    expect(result.removedSets).toContain(old.setId);
    expect(result.keptSets).toContain(newest.setId);
    expect(result.removedUnfinished).toEqual([unfinishedOld]);
    expect(existsSync(setDir(backupRoot, unfinishedYoung))).toBe(true);
    expect(existsSync(setDir(backupRoot, old.setId))).toBe(false);
    expect(existsSync(history)).toBe(true);
    const start = (await Promise.all(result.keptSets.map((id) => readFile(manifestPath(backupRoot, id), "utf8"))))
      .map((t) => (JSON.parse(t) as BackupManifest).database.startWalFile)
      .sort()[0]!;
    const segments = (await readdir(walDir(backupRoot))).filter((n) => /^[0-9A-F]{24}\.gz$/.test(n)).sort();
    expect(segments[0]).toBe(`${start}.gz`);
    expect(result.removedWalFiles).toBeGreaterThan(0);
    // and the newest set's restore point segment is still there
    expect(segments.some((s) => s >= newest.manifest.database.startWalFile)).toBe(true);
  }, 300_000);
});
