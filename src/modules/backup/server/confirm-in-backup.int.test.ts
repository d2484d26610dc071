import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectStore } from "@/server/object-store";
import { startArchivingCluster, type ArchivingCluster } from "../../../../tests/setup/archiving-cluster";
import { storeObjectPath } from "../domain/layout";
import { confirmInBackup } from "./confirm-in-backup";

// On an archiving cluster of its own (the integration tier's shared one does not archive).
// The same call made by submitBid on a real bid, end to end, is the backup tier's
// (tests/backup: a bid acknowledged, PostgreSQL killed, restored, the bid found).

describe("confirming a commit in the backup", () => {
  let cluster: ArchivingCluster;
  let pool: pg.Pool;
  let env: Record<string, string>;

  async function storeObject(): Promise<{ key: string; bytes: Buffer }> {
    const key = `sealed/${randomUUID()}`;
    const bytes = randomBytes(70_000);
    await objectStore().put(
      key,
      (async function* () {
        yield bytes;
      })(),
    );
    return { key, bytes };
  }

  const commit = () => pool.query("INSERT INTO t VALUES (1)");

  beforeAll(async () => {
    cluster = await startArchivingCluster();
    pool = new pg.Pool({ connectionString: cluster.url(), max: 4 });
    await pool.query("CREATE TABLE t (id int)");
    env = {
      SEGEL_BACKUP_ARCHIVING: "1",
      SEGEL_BACKUP_DIR: cluster.backupRoot,
      SEGEL_BACKUP_BID_ACK_TIMEOUT_MS: "20000",
    };
  });

  afterAll(async () => {
    await pool?.end();
    await cluster?.stop();
  });

  it("copies the files and waits for the commit's segment before it returns", async () => {
    const files = [await storeObject(), await storeObject()];
    await commit();
    const { lsn } = (await pool.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn")).rows[0]!;
    const { segment } = (await pool.query<{ segment: string }>("SELECT pg_walfile_name($1::pg_lsn) AS segment", [lsn]))
      .rows[0]!;
    const result = await confirmInBackup({ storeKeys: files.map((f) => f.key), lsn, client: pool, env });
    expect(result).toMatchObject({ inBackup: true, status: "confirmed" });
    for (const file of files) expect(readFileSync(storeObjectPath(cluster.backupRoot, file.key))).toEqual(file.bytes);
    expect(existsSync(path.join(cluster.walDir, `${segment}.gz`))).toBe(true);
  });

  it("does nothing when this start does not archive", async () => {
    const file = await storeObject();
    const result = await confirmInBackup({
      storeKeys: [file.key],
      client: pool,
      env: { ...env, SEGEL_BACKUP_ARCHIVING: "" },
    });
    expect(result).toEqual({ inBackup: false, status: "off", waitedMs: 0 });
    expect(existsSync(storeObjectPath(cluster.backupRoot, file.key))).toBe(false);
  });

  it("answers inBackup: false for a file missing from the store, without throwing", async () => {
    await commit();
    const result = await confirmInBackup({ storeKeys: [`sealed/${randomUUID()}`], client: pool, env });
    expect(result).toMatchObject({ inBackup: false, status: "failed" });
  });

  it("answers inBackup: false after the timeout when the archive refuses the segment", async () => {
    await commit();
    const { segment } = (
      await pool.query<{ segment: string }>("SELECT pg_walfile_name(pg_current_wal_insert_lsn()) AS segment")
    ).rows[0]!;
    const squatter = path.join(cluster.walDir, `${segment}.gz`);
    await writeFile(squatter, gzipSync(Buffer.from("another segment")));
    try {
      const result = await confirmInBackup({
        client: pool,
        env: { ...env, SEGEL_BACKUP_BID_ACK_TIMEOUT_MS: "600" },
      });
      expect(result).toMatchObject({ inBackup: false, status: "timeout" });
      expect(result.waitedMs).toBeGreaterThanOrEqual(600);
    } finally {
      await rm(squatter);
    }
  });
});
