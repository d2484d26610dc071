import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { open, readdir, rm, stat, truncate } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bidPdf, makeBidder, makeSealedBidTender, stageBidFile } from "@/tests/factories";
import { submitBid } from "@/modules/bids/server/submit-bid";
import { filesDir } from "@/modules/backup/domain/layout";
import type { BackupManifest } from "@/modules/backup/domain/manifest";
import { takeBaseBackup } from "@/modules/backup/server/take-base-backup";
import { restoreCluster } from "@/modules/backup/server/restore-cluster";
import { freePort, startRestored } from "@/modules/backup/server/start-restored";
import { runRestoreDrill } from "@/modules/backup/server/run-restore-drill";
import { verifyRestoredCluster } from "@/modules/backup/server/verify-restored";
import { ensureClusterRunning, sql, world } from "./setup/world";

// One base set with a sealed bid in it; each fault is made in a copy of the backup
// directory (cp -a: the WAL stays the server user's), so the tier's archive stays whole.
let setId: string;
let manifest: BackupManifest;
const copies: string[] = [];

beforeAll(async () => {
  await ensureClusterRunning();
  const w = world();
  const { tender } = await makeSealedBidTender();
  const { actor } = await makeBidder(tender.id);
  const file = await stageBidFile(actor, tender.id, bidPdf("Penawaran PT Latihan"), "HARGA");
  await submitBid(actor, {
    integrityPact: true,
    tenderId: tender.id,
    price: 42_000_000n,
    files: [{ id: file.id }],
    idempotencyKey: randomUUID(),
  });
  const set = await takeBaseBackup({ backupUrl: w.backupUrl, dataDir: w.dataDir, backupRoot: w.backupDir });
  setId = set.setId;
  manifest = set.manifest;
});

afterAll(async () => {
  for (const dir of copies) await rm(dir, { recursive: true, force: true });
});

function copyOfBackup(name: string): string {
  const w = world();
  const target = path.join(w.root, "copies", `${name}-${randomUUID().slice(0, 8)}`);
  execFileSync("mkdir", ["-p", path.dirname(target)]);
  execFileSync("cp", ["-a", w.backupDir, target]);
  copies.push(target);
  return target;
}

async function flipOneByte(file: string): Promise<void> {
  const { size } = await stat(file);
  const handle = await open(file, "r+");
  try {
    const at = Math.floor(size / 2);
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, at);
    byte[0] = byte[0]! ^ 0x01;
    await handle.write(byte, 0, 1, at);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

describe("the restore drill names each fault", () => {
  it("passes on an untouched copy, with figures (the control for the faults below)", async () => {
    const report = await runRestoreDrill({ backupRoot: copyOfBackup("untouched"), setId });
    console.log(`[drill] untouched copy: ${report.durationMs} ms, ${JSON.stringify(report.checks)}`);
    expect(report.firstFailure).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.setId).toBe(setId);
  });

  it("one byte changed in a backed-up store file: the drill names that file", async () => {
    const root = copyOfBackup("byte");
    const sealedObject = manifest.storeObjects.find((f) => f.path.startsWith("sealed/"));
    expect(sealedObject, "the set lists the sealed bid file").toBeDefined();
    await flipOneByte(path.join(root, "files", sealedObject!.path));
    const report = await runRestoreDrill({ backupRoot: root, setId });
    console.log(`[drill] ${report.firstFailure?.check}: ${report.firstFailure?.detail}`);
    expect(report.ok).toBe(false);
    expect(report.firstFailure?.check).toBe("file");
    expect(report.firstFailure?.detail).toContain(sealedObject!.path);
  });

  it("one WAL segment after the set's start truncated: the drill names that segment", async () => {
    const root = copyOfBackup("wal");
    const start = manifest.database.startWalFile;
    const after = (await readdir(path.join(root, "wal")))
      .filter((n) => /^[0-9A-F]{24}\.gz$/.test(n) && n.slice(0, 8) === start.slice(0, 8) && n.slice(0, 24) > start)
      .sort();
    expect(after.length, "a segment after the set's start is archived").toBeGreaterThan(0);
    const victim = after[0]!;
    const gz = path.join(root, "wal", victim);
    await truncate(gz, Math.floor((await stat(gz)).size / 2));
    const report = await runRestoreDrill({ backupRoot: root, setId });
    console.log(`[drill] ${report.firstFailure?.check}: ${report.firstFailure?.detail}`);
    expect(report.ok).toBe(false);
    expect(report.firstFailure?.check).toBe("wal");
    expect(report.firstFailure?.detail).toContain(victim.slice(0, 24));
  });

  it("one row deleted in a cluster restored from the set: verifyRestoredCluster names the table and both counts", async () => {
    const w = world();
    const into = path.join(w.root, "copies", `restored-${randomUUID().slice(0, 8)}`);
    copies.push(into);
    await restoreCluster({ backupRoot: w.backupDir, setId, target: { kind: "restorePoint" }, into, archive: false });
    const server = await startRestored({ dir: into, port: await freePort(), archive: false });
    try {
      const url = server.url("segel");
      const table = "TenderStage";
      const expected = manifest.rowCounts[table]!;
      expect(expected, `the set counted ${table} rows`).toBeGreaterThan(0);
      const before = await verifyRestoredCluster({ url, filesRoot: filesDir(w.backupDir), manifest });
      expect(before.firstFailure).toBeNull();

      // as the superuser of the restored copy, past the triggers and foreign keys
      await sql(
        url,
        `SET session_replication_role = replica; DELETE FROM "${table}" WHERE ctid = (SELECT min(ctid) FROM "${table}")`,
      );
      const after = await verifyRestoredCluster({ url, filesRoot: filesDir(w.backupDir), manifest });
      console.log(`[verify] ${after.firstFailure?.check}: ${after.firstFailure?.detail}`);
      expect(after.ok).toBe(false);
      expect(after.firstFailure?.check).toBe("rowCount");
      const detail = after.firstFailure?.detail ?? "";
      expect(detail).toContain(table);
      expect(detail).toMatch(new RegExp(`\\b${expected}\\b`));
      expect(detail).toMatch(new RegExp(`\\b${expected - 1}\\b`));
    } finally {
      await server.stop();
    }
  });
});
