import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { ownerDatabaseUrl } from "./owner-sql";
import { resetDatabase } from "./reset-database";

// Each worker slot gets its own database cloned from the migrated template, so test
// files in parallel never see each other's rows. The app connects as segel_app, as it
// does in production; emptying tables is the owner's (tests/setup/owner-sql.ts).
const adminUrl = inject("adminUrl");
const template = inject("templateDb");
const dbName = `segel_w${process.env.VITEST_POOL_ID ?? "0"}_test`;
const url = new URL(inject("appUrl"));
url.pathname = `/${dbName}`;

process.env.SEGEL_TEST_ADMIN_URL = adminUrl;
process.env.DATABASE_URL = url.toString();
process.env.NEXTAUTH_SECRET ??= "test-secret-not-for-production-0123456789";

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${dbName}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
});

beforeEach(async () => {
  await resetDatabase(ownerDatabaseUrl());
  // a file store of each test's own, so a test sees exactly what it wrote
  process.env.SEGEL_FILE_STORE = mkdtempSync(path.join(os.tmpdir(), "segel-test-files-"));
  // and its own instance signing key, never the one in .data/
  process.env.SEGEL_INSTANCE_KEY_FILE = path.join(process.env.SEGEL_FILE_STORE, "instance-ed25519.pem");
  process.env.SEGEL_AT_REST_KEY_FILE = path.join(process.env.SEGEL_FILE_STORE, "at-rest.key");
});

afterEach(() => {
  rmSync(process.env.SEGEL_FILE_STORE!, { recursive: true, force: true });
});

afterAll(async () => {
  // The Prisma client of src/server/db.ts lives on globalThis; close it so the
  // database can be dropped by the next file in this slot.
  const client = (globalThis as { segelDb?: { $disconnect(): Promise<void> } }).segelDb;
  await client?.$disconnect();
});
