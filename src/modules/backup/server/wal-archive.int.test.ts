import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startArchivingCluster, type ArchivingCluster } from "../../../../tests/setup/archiving-cluster";
import { archiverStatus, awaitArchived, isSegmentArchived } from "./wal-archive";

// Its own archiving cluster: the integration tier's shared one does not archive.

describe("waiting for the WAL archive", () => {
  let cluster: ArchivingCluster;
  let pool: pg.Pool;

  const insertLsn = async () => {
    await pool.query("INSERT INTO t VALUES (1)");
    return (await pool.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn")).rows[0]!.lsn;
  };

  beforeAll(async () => {
    cluster = await startArchivingCluster();
    pool = new pg.Pool({ connectionString: cluster.url(), max: 8 });
    await pool.query("CREATE TABLE t (id int)");
  });

  afterAll(async () => {
    await pool?.end();
    await cluster?.stop();
  });

  it("reads pg_stat_archiver and the segment being written", async () => {
    const status = await archiverStatus(pool);
    expect(status.currentWal).toMatch(/^[0-9A-F]{24}$/);
    expect(status.failedCount).toBe(0);
  });

  it("switches the segment holding a commit out and returns once it is archived", async () => {
    const lsn = await insertLsn();
    const result = await awaitArchived(lsn, { timeoutMs: 20_000, client: pool });
    expect(result.archived).toBe(true);
    const status = await archiverStatus(pool);
    expect(isSegmentArchived(result.segment, status.lastArchivedWal)).toBe(true);
    // a second wait for the same commit needs no switch and returns at once
    const again = await awaitArchived(lsn, { timeoutMs: 20_000, client: pool });
    expect(again.archived).toBe(true);
    expect((await archiverStatus(pool)).currentWal).toBe(status.currentWal);
  });

  it("takes a position read just after a switch (an empty segment's start) for the segment before it", async () => {
    const commit = await insertLsn();
    const closed = (await pool.query<{ name: string }>("SELECT pg_walfile_name($1::pg_lsn) AS name", [commit])).rows[0]!
      .name;
    await pool.query("SELECT pg_switch_wal()");
    const at = (await pool.query<{ at: string }>("SELECT pg_current_wal_insert_lsn()::text AS at")).rows[0]!.at;
    // the insert position now sits just past the header of a segment with nothing in it, which
    // PostgreSQL will not switch out; the commit is in the closed one, which gets archived
    expect(at).toMatch(/^[0-9A-F]+\/[0-9A-F]*000028$/);
    const result = await awaitArchived(at, { timeoutMs: 20_000, client: pool });
    expect(result).toMatchObject({ archived: true, segment: closed });
  });

  it("shares the switch among a crowd of commits of the same moment", async () => {
    const before = parseInt((await archiverStatus(pool)).currentWal.slice(8), 16);
    const results = await Promise.all(
      Array.from({ length: 20 }, async () => awaitArchived(await insertLsn(), { timeoutMs: 20_000, client: pool })),
    );
    expect(results.every((r) => r.archived)).toBe(true);
    const after = parseInt((await archiverStatus(pool)).currentWal.slice(8), 16);
    // one switch, and at most one more for those who committed while it ran; never 20
    expect(after - before).toBeGreaterThanOrEqual(1);
    expect(after - before).toBeLessThanOrEqual(3);
  });

  it("gives up after the timeout with archived: false when the archive refuses the segment", async () => {
    const lsn = await insertLsn();
    const { current } = (await pool.query<{ current: string }>("SELECT pg_walfile_name($1::pg_lsn) AS current", [lsn]))
      .rows[0]!;
    const squatter = path.join(cluster.walDir, `${current}.gz`);
    await writeFile(squatter, gzipSync(Buffer.from("not this segment")));
    try {
      const result = await awaitArchived(lsn, { timeoutMs: 800, client: pool });
      expect(result.archived).toBe(false);
      expect(result.waitedMs).toBeGreaterThanOrEqual(800);
      expect(result.waitedMs).toBeLessThan(5_000);
    } finally {
      await rm(squatter);
    }
    // the squatter gone, the archiver catches up on its next try
    const later = await awaitArchived(await insertLsn(), { timeoutMs: 90_000, client: pool });
    expect(later.archived).toBe(true);
  }, 120_000);

  it("compares segment names on one timeline, a .backup file counting only for earlier segments", () => {
    const seg = "000000010000000000000005";
    expect(isSegmentArchived(seg, "000000010000000000000005")).toBe(true);
    expect(isSegmentArchived(seg, "000000010000000000000004")).toBe(false);
    expect(isSegmentArchived(seg, "000000010000000100000000")).toBe(true);
    expect(isSegmentArchived(seg, "000000020000000000000009")).toBe(false);
    expect(isSegmentArchived(seg, "000000010000000000000005.00000028.backup")).toBe(false);
    expect(isSegmentArchived(seg, "000000010000000000000006.00000028.backup")).toBe(true);
    expect(isSegmentArchived(seg, "00000002.history")).toBe(false);
    expect(isSegmentArchived(seg, null)).toBe(false);
  });
});
