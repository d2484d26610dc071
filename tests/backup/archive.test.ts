import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { until } from "./setup/cluster";
import { ensureClusterRunning, ownerUrl, sql, sqlOne, world } from "./setup/world";

const SEGMENT = 16 * 1024 * 1024;

beforeAll(ensureClusterRunning);

// The tier's own world first: if its cluster did not archive, every other fault test here
// would prove nothing.
describe("the fault tier's cluster", () => {
  it("is durable and archives each finished WAL segment, gzipped and whole, into SEGEL_BACKUP_DIR/wal", async () => {
    const settings = await sqlOne<{ fsync: string; archive_mode: string }>(
      ownerUrl(),
      "SELECT current_setting('fsync') AS fsync, current_setting('archive_mode') AS archive_mode",
    );
    expect(settings).toEqual({ fsync: "on", archive_mode: "on" });
    await sql(ownerUrl(), "CREATE TABLE IF NOT EXISTS tier_probe (at timestamptz DEFAULT now())");
    await sql(ownerUrl(), "INSERT INTO tier_probe DEFAULT VALUES");
    const { segment } = await sqlOne<{ segment: string }>(
      ownerUrl(),
      "SELECT pg_walfile_name(pg_switch_wal()) AS segment",
    );
    const archived = path.join(world().walDir, `${segment}.gz`);
    await until(`${segment} archived`, () => existsSync(archived) && statSync(archived).size > 0);
    expect(gunzipSync(readFileSync(archived)).length).toBe(SEGMENT);
    await sql(ownerUrl(), "DROP TABLE tier_probe");
  });
});
