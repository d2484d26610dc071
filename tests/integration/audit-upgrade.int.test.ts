import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// An instance that ran Segel before the transparency log has audit events under the hash
// chain of decision 0004. Upgrading it must keep every one of them, not refuse or drop them.
const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma/migrations");
const migrations = readdirSync(migrationsDir)
  .filter((name) => /^\d{14}_/.test(name))
  .sort();
const LOG_MIGRATION = "20261206100000_audit_transparency_log";
const dbName = `segel_upgrade_w${process.env.VITEST_POOL_ID ?? "0"}_test`;

function urlOf(database: string): string {
  const url = new URL(process.env.SEGEL_TEST_ADMIN_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(database: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlOf(database) });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const apply = (client: pg.Client, names: string[]) =>
  names.reduce(
    (done, name) =>
      done
        .then(() => client.query(readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8")))
        .then(() => undefined),
    Promise.resolve(),
  );

describe("upgrading an instance whose audit trail is a hash chain", () => {
  beforeAll(async () => {
    await withClient("postgres", async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${dbName}"`);
    });
  });
  afterAll(async () => {
    await withClient("postgres", (admin) => admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  });

  it("keeps every chained event, read-only, and starts the log empty", async () => {
    const at = migrations.indexOf(LOG_MIGRATION);
    expect(at).toBeGreaterThan(0);
    await withClient(dbName, async (client) => {
      await apply(client, migrations.slice(0, at));
      for (const seq of [1, 2]) {
        await client.query(
          `INSERT INTO "AuditEvent" (seq, "occurredAt", "actorLabel", action, "entityType", "entityId", data, "prevHash", hash)
           VALUES ($1, now(), 'Sistem', 'paket.created', 'Paket', 'p-1', '{"hps":"150000000"}', $2, $3)`,
          [seq, String(seq - 1).repeat(64), String(seq).repeat(64)],
        );
      }
      await apply(client, migrations.slice(at));

      const legacy = await client.query(
        `SELECT seq::text, action, data, "prevHash", hash FROM "AuditLegacyEvent" ORDER BY seq`,
      );
      expect(legacy.rows).toEqual([
        {
          seq: "1",
          action: "paket.created",
          data: { hps: "150000000" },
          prevHash: "0".repeat(64),
          hash: "1".repeat(64),
        },
        {
          seq: "2",
          action: "paket.created",
          data: { hps: "150000000" },
          prevHash: "1".repeat(64),
          hash: "2".repeat(64),
        },
      ]);
      expect((await client.query(`SELECT count(*)::int AS n FROM "AuditEvent"`)).rows).toEqual([{ n: 0 }]);
      const rights = await client.query(
        `SELECT has_table_privilege('segel_app', '"AuditLegacyEvent"', 'SELECT') AS "read",
                has_table_privilege('segel_app', '"AuditLegacyEvent"', 'INSERT, UPDATE, DELETE, TRUNCATE') AS "write"`,
      );
      expect(rights.rows).toEqual([{ read: true, write: false }]);
    });
  });
});
