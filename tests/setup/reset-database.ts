import pg from "pg";

/**
 * Empties every table but Prisma's migration record. Refuses any database whose name
 * does not end in "_test": a mistyped DATABASE_URL must never wipe real data.
 */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!name.endsWith("_test")) throw new Error(`Refusing to truncate "${name}": test databases end in _test.`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length) {
      await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
    }
  } finally {
    await client.end();
  }
}
