import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, rm, statfs } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startCluster, until, type RunningCluster } from "./setup/cluster";
import { sql, sqlOne, world } from "./setup/world";

// A SECOND durable cluster whose backup directory is a 64 MiB ext4 file system of its own
// (a loop mount: the tier runs as root), filled up. This file's DATABASE_URL is that
// cluster's, so the application's modules are imported only once it is set.

const MiB = 1024 * 1024;
let base: string;
let mountPoint: string;
let mounted = false;
let cluster: RunningCluster | null = null;
let ownerUrl: string;

function mountLoopDisk(image: string, at: string) {
  execFileSync("dd", ["if=/dev/zero", `of=${image}`, "bs=1M", "count=64", "status=none"]);
  execFileSync("mkfs.ext4", ["-q", "-F", image]);
  try {
    execFileSync("mount", ["-o", "loop", image, at], { stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const why = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    throw new Error(
      `The full-backup-disk test needs a loop mount (root and a free /dev/loop*), and mount refused: ${why}`,
    );
  }
  mounted = true;
}

function unmount(at: string) {
  try {
    execFileSync("umount", [at], { stdio: "ignore" });
  } catch {
    // still busy (a server that did not stop): detach it lazily rather than leave it mounted
    execFileSync("umount", ["-l", at], { stdio: "ignore" });
  }
}

const archiver = (url: string) =>
  sqlOne<{ archived: number; failed: number; lastArchivedAt: Date | null; lastFailedAt: Date | null }>(
    url,
    `SELECT archived_count::int AS archived, failed_count::int AS failed,
            last_archived_time AS "lastArchivedAt", last_failed_time AS "lastFailedAt" FROM pg_stat_archiver`,
  );

/** Writes something and ends the segment, so the archiver has a segment to archive now. */
async function makeWal(url: string) {
  await sql(url, "CREATE TABLE IF NOT EXISTS fill_probe (at timestamptz DEFAULT now(), pad text)");
  await sql(url, "INSERT INTO fill_probe (pad) SELECT repeat('x', 100) FROM generate_series(1, 100)");
  await sql(url, "SELECT pg_switch_wal()");
}

beforeAll(async () => {
  base = path.join(world().root, `disk-full-${randomUUID().slice(0, 8)}`);
  mountPoint = path.join(base, "backup-disk");
  await mkdir(mountPoint, { recursive: true, mode: 0o755 });
  mountLoopDisk(path.join(base, "disk.img"), mountPoint);
  const backupDir = path.join(mountPoint, "backup");
  await mkdir(backupDir, { mode: 0o755 });
  // the second cluster: a copy of the tier's migrated one (tables, roles, passwords), cold
  const dataDir = path.join(base, "pg", "data");
  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  execFileSync("cp", ["-a", process.env.SEGEL_TEST_PG_TEMPLATE!, dataDir]);
  cluster = await startCluster({ dataDir, port: await freePort(), archiveDir: path.join(backupDir, "wal") });
  ownerUrl = cluster.url("segel");
  const onThisCluster = (url: string) => Object.assign(new URL(url), { port: String(cluster!.port) }).toString();
  Object.assign(process.env, {
    DATABASE_URL: onThisCluster(process.env.DATABASE_URL!),
    SEGEL_TEST_ADMIN_URL: cluster.url("postgres"),
    SEGEL_BACKUP_DATABASE_URL: onThisCluster(process.env.SEGEL_BACKUP_DATABASE_URL!),
    SEGEL_PG_DATA_DIR: dataDir,
    SEGEL_BACKUP_DIR: backupDir,
    SEGEL_FILE_STORE: path.join(base, "files"),
    // the disk is low under 8 MiB or 10% free; a bid waits at most 2 s for its backup
    SEGEL_BACKUP_DISK_MIN_FREE_MB: "8",
    SEGEL_BACKUP_DISK_MIN_FREE_PERCENT: "10",
    SEGEL_BACKUP_BID_ACK_TIMEOUT_MS: "2000",
  });
}, 300_000);

afterAll(async () => {
  const client = (globalThis as { segelDb?: { $disconnect(): Promise<void> } }).segelDb;
  await client?.$disconnect();
  await cluster?.stop();
  if (mounted) unmount(mountPoint);
  await rm(base, { recursive: true, force: true });
});

describe("a full backup disk", () => {
  it("fails the archiver, raises a clear alert to ADMIN_LPSE, keeps the portal taking bids, and clears once freed", async () => {
    const { makeBidder, makeSealedBidTender, makeUser, stageBidFile, bidPdf } = await import("@/tests/factories");
    const { db } = await import("@/server/db");
    const { submitBid } = await import("@/modules/bids/server/submit-bid");
    const { checkBackupAlerts } = await import("@/modules/backup/server/backup-alerts");
    const { readBackupSettings } = await import("@/server/backup-settings");
    const settings = readBackupSettings();
    const t0 = Date.now();
    const step = (what: string) => console.log(`[disk-full] ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const admin = await makeUser([{ role: "ADMIN_LPSE" }]);
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);

    // healthy first: a segment reaches the disk, and no alert is open
    const healthy = await archiver(ownerUrl);
    await makeWal(ownerUrl);
    await until(
      "a segment archived on the healthy disk",
      async () => (await archiver(ownerUrl)).archived > healthy.archived,
    );
    expect((await checkBackupAlerts(settings, true)).opened).toEqual([]);

    step("healthy archive seen");
    // fill the disk to the last block (root may use the reserved blocks too)
    const filler = path.join(mountPoint, "filler");
    try {
      execFileSync("dd", ["if=/dev/zero", `of=${filler}`, "bs=1M", "status=none"], { stdio: "ignore" });
    } catch {
      // dd stops with "No space left on device": that is the point
    }
    const disk = await statfs(mountPoint);
    expect(disk.bavail * disk.bsize).toBeLessThan(MiB);

    const before = await archiver(ownerUrl);
    await makeWal(ownerUrl);
    await until("the archiver failing on the full disk", async () => (await archiver(ownerUrl)).failed > before.failed);

    step("archiver failing");
    // the portal still takes a bid: committed on the primary, acknowledged with a receipt
    const file = await stageBidFile(actor, tender.id, bidPdf("Penawaran saat disk cadangan penuh"), "HARGA");
    const bid = await submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 75_000_000n,
      files: [{ id: file.id }],
      idempotencyKey: randomUUID(),
    });
    expect(await db.bid.findUnique({ where: { id: bid.bidId }, select: { status: true } })).toEqual({
      status: "SUBMITTED",
    });

    step("bid acknowledged");
    const raised = await checkBackupAlerts(settings, true);
    expect(raised.opened).toContain("ARCHIVE_FAILING");
    expect(raised.opened).toContain("DISK_LOW");
    const open = await db.backupAlert.findFirstOrThrow({ where: { kind: "ARCHIVE_FAILING", closedAt: null } });
    expect(open.detail).toMatch(/[0-9A-F]{24}/);
    const told = await db.notification.findMany({ where: { userId: admin.id, kind: "backup.alertOpened" } });
    expect(told.length).toBeGreaterThanOrEqual(2);
    expect(told.some((n) => n.body.includes(open.detail))).toBe(true);
    // the same trouble seen again tells nobody again
    expect((await checkBackupAlerts(settings, true)).opened).toEqual([]);

    // space freed: the archiver catches up, and the next look closes both alerts
    await rm(filler);
    await makeWal(ownerUrl);
    await until(
      "the archiver archiving again after the failure",
      async () => {
        const a = await archiver(ownerUrl);
        return Boolean(a.lastArchivedAt && a.lastFailedAt && a.lastArchivedAt > a.lastFailedAt);
      },
      120_000,
    );
    step("archiver caught up");
    const cleared = await checkBackupAlerts(settings, true);
    expect(cleared.closed).toEqual(expect.arrayContaining(["ARCHIVE_FAILING", "DISK_LOW"]));
    expect(await db.backupAlert.count({ where: { closedAt: null } })).toBe(0);
    expect(await db.notification.count({ where: { userId: admin.id, kind: "backup.alertClosed" } })).toBe(2);
  });
});
