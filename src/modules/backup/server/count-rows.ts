import "server-only";
import type pg from "pg";
import { oneRow } from "./sql-row";

/**
 * The exact row counts of a base set, and the named restore point they belong to
 * (docs/decisions/0039). In one transaction: every table of the application's schema is
 * locked IN SHARE MODE, which waits for each writer holding it to commit and lets no new
 * writer in, so every count sees exactly the rows committed before the restore point's WAL
 * record and none after. Readers carry on; writers wait the few milliseconds the counts take.
 */
export interface CountedRestorePoint {
  rowCounts: Record<string, number>;
  restorePoint: string;
  restorePointLsn: string;
  /** the database clock (segel_now()) at the restore point */
  restorePointTime: string;
  /** the newest applied migration at the restore point */
  migration: string;
}

export interface CountOptions {
  /** how long one attempt waits for a table's lock (configuration, not law) */
  lockTimeoutMs?: number;
  attempts?: number;
  /** the schema holding the application's tables: Prisma's default */
  schema?: string;
}

const LOCK_NOT_AVAILABLE = "55P03";
const DEADLOCK = "40P01";

/** Permanent tables only: an unlogged table comes back empty from any restore, so its
 * count could never match. */
async function appTables(client: pg.Client, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relpersistence = 'p' AND NOT c.relispartition
      ORDER BY c.relname`,
    [schema],
  );
  return rows.map((r) => r.name);
}

async function countOnce(
  client: pg.Client,
  schema: string,
  restorePoint: string,
  lockTimeoutMs: number,
): Promise<CountedRestorePoint> {
  const tables = await appTables(client, schema);
  if (tables.length === 0)
    throw new Error(`the schema "${schema}" has no tables to count: is this the app's database?`);
  const quoted = (table: string) => `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)}`;
  await client.query("BEGIN");
  try {
    await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`);
    await client.query(`LOCK TABLE ${tables.map(quoted).join(", ")} IN SHARE MODE`);
    const rowCounts: Record<string, number> = {};
    for (const table of tables) {
      const { n } = oneRow(await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoted(table)}`), table);
      rowCounts[table] = Number(n);
    }
    const migration = tables.includes("_prisma_migrations")
      ? ((
          await client.query<{ name: string }>(
            `SELECT migration_name AS name FROM ${quoted("_prisma_migrations")}
              WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
          )
        ).rows[0]?.name ?? "")
      : "";
    const point = oneRow(
      await client.query<{ lsn: string; at: Date }>(
        `SELECT pg_create_restore_point($1)::text AS lsn, ${client.escapeIdentifier(schema)}.segel_now() AS at`,
        [restorePoint],
      ),
      "pg_create_restore_point",
    );
    await client.query("COMMIT");
    return { rowCounts, restorePoint, restorePointLsn: point.lsn, restorePointTime: point.at.toISOString(), migration };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * Counts every table and creates `restorePoint`, on `client`'s database. A lock not granted
 * within the timeout (a long writer) or a deadlock with a writer is retried; after the last
 * attempt the error says which.
 */
export async function countRowsAtRestorePoint(
  client: pg.Client,
  restorePoint: string,
  options: CountOptions = {},
): Promise<CountedRestorePoint> {
  const { lockTimeoutMs = 2000, attempts = 5, schema = "public" } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await countOnce(client, schema, restorePoint, lockTimeoutMs);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code !== LOCK_NOT_AVAILABLE && code !== DEADLOCK) || attempt >= attempts) {
        if (code === LOCK_NOT_AVAILABLE || code === DEADLOCK)
          throw new Error(
            `the tables of "${schema}" could not all be locked for counting in ${attempts} attempts of ` +
              `${lockTimeoutMs} ms each (a writer held a table longer): no restore point was made`,
            { cause: error },
          );
        throw error;
      }
    }
  }
}
