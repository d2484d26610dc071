import { createHash, randomUUID } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeVendor } from "@/tests/factories";
import { objectStore } from "@/server/object-store";
import { manifestPath, setDir, signaturePath, storeObjectPath, walDir } from "@/modules/backup/domain/layout";
import { takeBaseBackup, type BaseBackupResult } from "@/modules/backup/server/take-base-backup";
import { checkWalChain, nextSegmentName } from "@/modules/backup/server/check-wal-chain";
import { restoreCluster } from "@/modules/backup/server/restore-cluster";
import { freePort, startRestored, type RestoredServer } from "@/modules/backup/server/start-restored";
import { verifyRestoredCluster } from "@/modules/backup/server/verify-restored";
import { runRestoreDrill } from "@/modules/backup/server/run-restore-drill";
import { restoreFileStore } from "@/modules/backup/server/restore-file-store";
import { signTreeHead, toTreeHeadJson } from "@/modules/audit/domain/tree-head";
import { getInstanceKey } from "@/server/instance-key";
import { until } from "./setup/cluster";
import { ensureClusterRunning, ownerUrl, sql, sqlOne, world } from "./setup/world";

// The restore, the WAL chain check, verifyRestoredCluster and the drill on the tier's real
// archiving cluster (tests/backup/setup/global.ts). Faults are made on copies of the backup
// (a temp root whose other parts link to the real one), never on the archive other files use.
// The drill naming a changed store byte, a damaged segment and a lost row is drill-faults.test.ts.

const PROBE = "restore_probe";
let set: BaseBackupResult;
let scratch: string;
let firstAt: Date;
const running: RestoredServer[] = [];

async function switchAndAwaitArchive(url: string) {
  const { wal } = await sqlOne<{ wal: string }>(url, "SELECT pg_walfile_name(pg_switch_wal()) AS wal");
  await until(`${wal} archived`, async () => {
    const row = await sqlOne<{ last: string | null }>(url, "SELECT last_archived_wal AS last FROM pg_stat_archiver");
    return (row.last ?? "") >= wal;
  });
}

async function restoreAndStart(target: Parameters<typeof restoreCluster>[0]["target"], backupRoot = world().backupDir) {
  const into = path.join(scratch, randomUUID());
  await restoreCluster({ backupRoot, target, into, archive: false });
  const server = await startRestored({ dir: into, port: await freePort(), archive: false });
  running.push(server);
  return server;
}

const notes = async (server: RestoredServer) =>
  (await sql<{ note: string }>(server.url("segel"), `SELECT note FROM ${PROBE} ORDER BY id`)).map((r) => r.note);

/** A backup root whose parts link to the real one, except those named, which are copied for harm. */
async function faultRoot(copy: ("wal" | "base")[]): Promise<string> {
  const real = world().backupDir;
  const root = await mkdtemp(path.join(scratch, "root-"));
  for (const part of ["wal", "base", "files", "audit-tree-heads.jsonl"]) {
    const from = path.join(real, part);
    if (copy.includes(part as "wal" | "base")) await cp(from, path.join(root, part), { recursive: true });
    else await symlink(from, path.join(root, part)).catch(() => {});
  }
  return root;
}

beforeAll(async () => {
  await ensureClusterRunning();
  const w = world();
  scratch = await mkdtemp(path.join(w.root, "restore-drill-"));
  const url = ownerUrl();
  await sql(url, `CREATE TABLE IF NOT EXISTS ${PROBE} (id serial PRIMARY KEY, note text NOT NULL)`);
  await sql(url, `TRUNCATE ${PROBE}`);
  await sql(url, `INSERT INTO ${PROBE} (note) VALUES ('before the set')`);
  // a vendor's document with its object in the store, so the drill has a file to check
  const vendor = await makeVendor();
  const storageKey = randomUUID();
  const body = Buffer.from(`drill document ${storageKey}`);
  await objectStore().put(`objects/${storageKey}`, Readable.from([body]));
  await sql(
    url,
    `INSERT INTO "Document" (id, kind, "fileName", "mimeType", "sizeBytes", sha256, "storageKey", "vendorId")
     VALUES (gen_random_uuid(), 'LAINNYA', 'drill.txt', 'text/plain', $1, $2, $3, $4)`,
    [body.length, createHash("sha256").update(body).digest("hex"), storageKey, vendor.id],
  );
  set = await takeBaseBackup({ backupUrl: w.backupUrl, dataDir: w.dataDir, backupRoot: w.backupDir });

  // two inserts after the set, apart on the database clock
  await sql(url, `INSERT INTO ${PROBE} (note) VALUES ('first')`);
  firstAt = (await sqlOne<{ at: Date }>(url, "SELECT clock_timestamp() AS at")).at;
  await until("the database clock past the first insert", async () => {
    const { at } = await sqlOne<{ at: Date }>(url, "SELECT clock_timestamp() AS at");
    return at.getTime() > firstAt.getTime() + 5;
  });
  await sql(url, `INSERT INTO ${PROBE} (note) VALUES ('second')`);
  await switchAndAwaitArchive(url);
});

afterAll(async () => {
  for (const server of running) await server.stop().catch(() => {});
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("restoreCluster", () => {
  it("restores to the latest archived state: the last row is there", async () => {
    const server = await restoreAndStart({ kind: "latest" });
    expect(await notes(server)).toEqual(["before the set", "first", "second"]);
  });

  it("restores to a time between two inserts: the first only", async () => {
    const server = await restoreAndStart({ kind: "time", at: firstAt });
    expect(await notes(server)).toEqual(["before the set", "first"]);
  });

  it("says PostgreSQL's own reason when recovery cannot reach the target", async () => {
    const into = path.join(scratch, randomUUID());
    // an hour past anything archived: the archive ends before the target
    const at = new Date(Date.now() + 3_600_000);
    await restoreCluster({ backupRoot: world().backupDir, target: { kind: "time", at }, into, archive: false });
    await expect(startRestored({ dir: into, port: await freePort(), archive: false })).rejects.toThrow(
      /recovery ended before configured recovery target was reached/,
    );
  });

  it("refuses a restore to the latest state across a broken WAL archive, naming the segment", async () => {
    // PostgreSQL would stop at the damaged segment and promote as if it were the end
    const root = await faultRoot(["wal"]);
    const second = nextSegmentName(set.manifest.database.startWalFile);
    await truncate(path.join(walDir(root), `${second}.gz`), 100);
    const into = path.join(scratch, randomUUID());
    await expect(
      restoreCluster({ backupRoot: root, target: { kind: "latest" }, into, archive: false }),
    ).rejects.toThrow(new RegExp(`WAL segment ${second} is damaged.*Restore to a time before it`));
    await expect(readdir(into)).rejects.toThrow(/ENOENT/);
  });

  it("refuses a directory that is not empty, and changes nothing in it", async () => {
    const into = path.join(scratch, "taken");
    await mkdir(into);
    await writeFile(path.join(into, "keep.txt"), "mine");
    await expect(
      restoreCluster({ backupRoot: world().backupDir, target: { kind: "latest" }, into, archive: false }),
    ).rejects.toThrow(/not empty/);
    expect(await readdir(into)).toEqual(["keep.txt"]);
  });
});

describe("checkWalChain", () => {
  it("passes the archive from the set's first segment", async () => {
    const report = await checkWalChain(world().backupDir, set.manifest.database.startWalFile);
    expect(report).toMatchObject({ ok: true, problem: null });
    expect(report.segments).toBeGreaterThan(1);
  });

  it("names a truncated .gz, a segment that gunzips short, and a missing one", async () => {
    const root = await faultRoot(["wal"]);
    const second = nextSegmentName(set.manifest.database.startWalFile);
    const file = path.join(walDir(root), `${second}.gz`);
    const whole = await readFile(file);
    await truncate(file, Math.floor(whole.length / 2));
    expect((await checkWalChain(root, set.manifest.database.startWalFile)).problem).toMatch(
      new RegExp(`WAL segment ${second} is damaged`),
    );
    await writeFile(file, gzipSync(Buffer.alloc(1000)));
    expect((await checkWalChain(root, set.manifest.database.startWalFile)).problem).toBe(
      `WAL segment ${second} is truncated: 1000 bytes, a segment is 16777216`,
    );
    await rm(file);
    expect((await checkWalChain(root, set.manifest.database.startWalFile)).problem).toMatch(
      new RegExp(`WAL segment ${second} is missing`),
    );
  });

  it("rolls a log id over after segment FF", () => {
    expect(nextSegmentName("0000000100000003000000FF")).toBe("000000010000000400000000");
    expect(nextSegmentName("00000002000000000000000A")).toBe("00000002000000000000000B");
  });
});

describe("runRestoreDrill", () => {
  it("passes on a good set, with its figures", async () => {
    const report = await runRestoreDrill({ backupRoot: world().backupDir, setId: set.setId });
    expect(report.firstFailure).toBeNull();
    expect(report).toMatchObject({ ok: true, setId: set.setId });
    expect(report.checks.tables).toBe(Object.keys(set.manifest.rowCounts).length);
    expect(report.checks.files).toBeGreaterThanOrEqual(1);
    expect(report.checks.walSegments).toBeGreaterThan(0);
    expect(report.checks.restoreMs).toBeGreaterThan(0);
    expect(report.checks.migration).toBe(set.manifest.migration);
  });

  it("names a manifest changed after it was signed", async () => {
    const root = await faultRoot([]);
    await rm(path.join(root, "base"));
    await mkdir(setDir(root, set.setId), { recursive: true });
    await symlink(path.join(setDir(world().backupDir, set.setId), "data"), path.join(setDir(root, set.setId), "data"));
    const manifest = JSON.parse(await readFile(manifestPath(world().backupDir, set.setId), "utf8"));
    manifest.rowCounts[PROBE] = 2;
    await writeFile(manifestPath(root, set.setId), JSON.stringify(manifest));
    await cp(signaturePath(world().backupDir, set.setId), signaturePath(root, set.setId));
    const report = await runRestoreDrill({ backupRoot: root, setId: set.setId });
    expect(report.firstFailure).toMatchObject({ check: "manifest" });
    expect(report.firstFailure?.detail).toMatch(/does not match its signature/);
  });
});

describe("verifyRestoredCluster", () => {
  let server: RestoredServer;
  let logSize: bigint;
  const filesRoot = () => path.join(world().backupDir, "files");

  /** A heads file of one head signed by the instance key. */
  async function headsFileWith(treeSize: bigint, rootHash: string): Promise<string> {
    const { privateKey } = await getInstanceKey();
    const head = signTreeHead({ treeSize, rootHash, timestamp: new Date().toISOString() }, privateKey);
    const file = path.join(scratch, `heads-${randomUUID()}.jsonl`);
    await writeFile(file, `${JSON.stringify(toTreeHeadJson(head))}\n`);
    return file;
  }

  beforeAll(async () => {
    server = await restoreAndStart({ kind: "restorePoint" });
    const row = await sqlOne<{ size: string }>(
      server.url("segel"),
      `SELECT (COALESCE(MAX("logIndex") + 1, 0))::text AS size FROM "AuditLogEntry"`,
    );
    logSize = BigInt(row.size);
  });

  it("checks the audit chain only against the heads the restored log can hold", async () => {
    // a head signed after the backup (a larger tree) is not a missing tail of the restored log
    const headsFile = await headsFileWith(logSize + 1000n, "ab".repeat(32));
    const report = await verifyRestoredCluster({
      url: server.url("segel"),
      filesRoot: filesRoot(),
      manifest: set.manifest,
      headsFile,
    });
    expect(report.firstFailure).toBeNull();
    expect(report.checks.auditSignedSize).toBe(0);
  });

  it("names an audit chain whose root differs from a head it can hold", async () => {
    const headsFile = await headsFileWith(logSize, "cd".repeat(32));
    const report = await verifyRestoredCluster({
      url: server.url("segel"),
      filesRoot: filesRoot(),
      manifest: set.manifest,
      headsFile,
    });
    expect(report.firstFailure?.check).toBe("audit");
    expect(report.firstFailure?.detail).toContain(`tree size ${logSize}`);
  });
});

describe("restoreFileStore", () => {
  it("puts back the missing objects with their hashes, and names a damaged copy instead of restoring it", async () => {
    const store = await mkdtemp(path.join(scratch, "store-"));
    const first = await restoreFileStore({
      backupRoot: world().backupDir,
      storeRoot: store,
      storeObjects: set.manifest.storeObjects,
    });
    expect(first.problems).toEqual([]);
    expect(first.restored).toBeGreaterThanOrEqual(set.manifest.storeObjects.length);
    for (const object of set.manifest.storeObjects) {
      const [area, id] = object.path.split("/") as [string, string];
      const bytes = await readFile(path.join(store, area, id.slice(0, 2), id));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(object.sha256);
    }
    // again: everything is there already, nothing is written
    const again = await restoreFileStore({ backupRoot: world().backupDir, storeRoot: store });
    expect(again).toMatchObject({ restored: 0, alreadyThere: first.restored + first.alreadyThere });

    const [victim] = set.manifest.storeObjects;
    const [area, id] = victim!.path.split("/") as [string, string];
    await rm(path.join(store, area, id.slice(0, 2), id));
    const copy = storeObjectPath(world().backupDir, victim!.path);
    const good = await readFile(copy);
    await writeFile(copy, Buffer.concat([good, Buffer.from("x")]));
    try {
      const damaged = await restoreFileStore({
        backupRoot: world().backupDir,
        storeRoot: store,
        storeObjects: set.manifest.storeObjects,
      });
      expect(damaged.problems).toContain(`file ${victim!.path}: sha256 differs from the backup's record; not restored`);
      await expect(readFile(path.join(store, area, id.slice(0, 2), id))).rejects.toThrow(/ENOENT/);
    } finally {
      await writeFile(copy, good);
    }
  });
});
