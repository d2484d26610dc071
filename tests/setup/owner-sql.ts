import pg from "pg";

/**
 * This worker's test database with the owner's rights (the test cluster's superuser),
 * where the app itself connects as segel_app (tests/setup/integration-worker.ts). For
 * what the app may not do: emptying tables between tests, and tests that play an
 * intruder with direct database access (tampering with the audit trail).
 */
export function ownerDatabaseUrl(): string {
  const url = new URL(process.env.SEGEL_TEST_ADMIN_URL!);
  url.pathname = new URL(process.env.DATABASE_URL!).pathname;
  return url.toString();
}

/** Runs one SQL statement as the owner on this worker's test database. */
export async function sqlAsOwner<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
