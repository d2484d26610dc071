import { createHash, randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bidPdf, makeBidder, makeSealedBidTender, stageBidFile } from "@/tests/factories";
import { db } from "@/server/db";
import { getInstanceKey } from "@/server/instance-key";
import { objectStore } from "@/server/object-store";
import { verifyReceipt } from "@/modules/bids/domain";
import { sealedKey } from "@/modules/bids/server/sealed-file-store";
import { submitBid } from "@/modules/bids/server/submit-bid";
import { takeBaseBackup } from "@/modules/backup/server/take-base-backup";
import { restoreCluster } from "@/modules/backup/server/restore-cluster";
import { restoreFileStore } from "@/modules/backup/server/restore-file-store";
import { startRestored } from "@/modules/backup/server/start-restored";
import { ARCHIVE_TIMEOUT_SECONDS, killPostmaster } from "./setup/cluster";
import { ensureClusterRunning, ownerUrl, recordCurrentDataDir, sql, sqlOne, world } from "./setup/world";

beforeAll(ensureClusterRunning);

async function sha256Of(key: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of objectStore().get(key)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Writes rows that are not bids (nothing waits for their archiving) for `ms` of the
 * database clock, each its own commit: what an ordinary write risks on a crash.
 */
async function writeOrdinaryRows(ms: number): Promise<{ rows: number; lastAt: Date }> {
  const url = ownerUrl();
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let rows = 0;
    let first: number | null = null;
    let lastAt = new Date(0);
    for (;;) {
      const { rows: out } = await client.query<{ at: Date }>(
        "INSERT INTO fault_probe.writes VALUES ($1, clock_timestamp()) RETURNING at",
        [rows],
      );
      rows += 1;
      lastAt = out[0]!.at;
      first ??= lastAt.getTime();
      if (lastAt.getTime() - first >= ms) return { rows, lastAt };
    }
  } finally {
    await client.end();
  }
}

describe("kill -9 of PostgreSQL, the data directory and the file store destroyed, then a restore", () => {
  it("keeps the acknowledged bid with its sealed files and a receipt that verifies", async () => {
    const w = world();
    const t0 = Date.now();
    const step = (what: string) => console.log(`[kill-restore] ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    // a table of the test's own (not the app's schema) for the ordinary writes, in the set
    await sql(ownerUrl(), "CREATE SCHEMA IF NOT EXISTS fault_probe");
    await sql(ownerUrl(), "CREATE TABLE IF NOT EXISTS fault_probe.writes (n int PRIMARY KEY, at timestamptz NOT NULL)");
    const set = await takeBaseBackup({ backupUrl: w.backupUrl, dataDir: w.dataDir, backupRoot: w.backupDir });

    step(`set ${set.setId} taken`);
    // After the set: the bid is acknowledged (its files and its WAL reach the backup first).
    const files = [
      await stageBidFile(actor, tender.id, bidPdf("Metode pelaksanaan PT Pulih"), "TEKNIS"),
      await stageBidFile(actor, tender.id, bidPdf("Rincian harga PT Pulih"), "HARGA"),
    ];
    const acknowledged = await submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 987_654_321n,
      files: files.map((f) => ({ id: f.id })),
      idempotencyKey: randomUUID(),
    });
    step("bid acknowledged");
    const sealed = await db.bidFile.findMany({ where: { bidId: acknowledged.bidId }, orderBy: { part: "asc" } });
    expect(sealed).toHaveLength(2);
    // then ordinary writes that nobody waits for, up to the kill
    const ordinary = await writeOrdinaryRows(2_000);

    // The crash, and the loss of the disk: nothing of the live cluster or the store is left.
    await killPostmaster(w.dataDir, w.port);
    await rm(w.dataDir, { recursive: true, force: true });
    await rm(w.fileStore, { recursive: true, force: true });

    step("killed and destroyed");
    const into = path.join(w.root, "pg", `restored-${Date.now()}`);
    const restored = await restoreCluster({ backupRoot: w.backupDir, target: { kind: "latest" }, into, archive: true });
    step("restored");
    expect(restored.setId).toBe(set.setId);
    const store = await restoreFileStore({
      backupRoot: w.backupDir,
      storeRoot: w.fileStore,
      storeObjects: restored.manifest.storeObjects,
    });
    expect(store.problems).toEqual([]);
    await startRestored({
      dir: into,
      port: w.port,
      archive: true,
      archiveDir: w.walDir,
      archiveTimeoutSeconds: ARCHIVE_TIMEOUT_SECONDS,
    });
    recordCurrentDataDir(into);
    step("started on the restored directory");

    // The bid, as acknowledged: row, files with their ciphertext hashes, the receipt.
    const bid = await db.bid.findUniqueOrThrow({ where: { id: acknowledged.bidId }, include: { files: true } });
    expect(bid.status).toBe("SUBMITTED");
    expect(bid.files.map((f) => [f.id, f.ciphertextSha256]).sort()).toEqual(
      sealed.map((f) => [f.id, f.ciphertextSha256]).sort(),
    );
    for (const file of bid.files) expect(await sha256Of(sealedKey(file.storageKey))).toBe(file.ciphertextSha256);
    const signedReceipt = { receipt: bid.receipt, signature: bid.receiptSignature, algorithm: "Ed25519" };
    expect(signedReceipt).toEqual(acknowledged.signedReceipt);
    const { publicKeyPem } = await getInstanceKey();
    expect(verifyReceipt(signedReceipt, publicKeyPem).valid).toBe(true);

    // Ordinary writes after the last archived segment may be lost (up to archive_timeout):
    // measured for the record (F reports the RPO), not asserted.
    const survived = await sqlOne<{ rows: number; last: Date | null }>(
      ownerUrl(),
      "SELECT count(*)::int AS rows, max(at) AS last FROM fault_probe.writes",
    );
    const lostSeconds = (ordinary.lastAt.getTime() - (survived.last ?? acknowledged.submittedAt).getTime()) / 1000;
    console.log(
      `[rpo] ordinary writes: ${ordinary.rows} written, ${survived.rows} survived; ` +
        `${lostSeconds.toFixed(2)} s of them lost (archive_timeout ${ARCHIVE_TIMEOUT_SECONDS} s); the bid kept`,
    );
  });
});
