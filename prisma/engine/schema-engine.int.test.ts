// Integration tests for the Wasm-backed schema-engine shim: they drive the
// real, unmodified Prisma CLI against a real PostgreSQL server, exactly as a
// developer or CI would, in a throw-away project directory.
//
// Needs SEGEL_TEST_ADMIN_URL = superuser URL of a PostgreSQL server, e.g.
// postgresql://postgres:postgres@127.0.0.1:55432/postgres
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, symlink, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const prismaCli = path.join(repoRoot, "node_modules", "prisma", "build", "index.js");
const shim = path.join(repoRoot, "prisma", "engine", "schema-engine.mjs");
const CLI_TIMEOUT_MS = 90_000;

const SCHEMA_V1 = `datasource db {
  provider = "postgresql"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
}
`;

const SCHEMA_V2 = `${SCHEMA_V1}
model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int
  author   User   @relation(fields: [authorId], references: [id])
}
`.replace("  email String @unique\n", "  email String @unique\n  posts Post[]\n");

// Semicolons inside a dollar-quoted body: breaks any naive `;` splitting.
const PLPGSQL_MIGRATION = `-- Hand-written migration
CREATE FUNCTION add_one(x integer) RETURNS integer AS $$
DECLARE
  y integer;
BEGIN
  y := x + 1;
  RETURN y;
END;
$$ LANGUAGE plpgsql;
`;

type CliResult = { code: number | null; stdout: string; stderr: string };

describe("schema-engine shim with the real Prisma CLI", () => {
  const adminUrl = process.env.SEGEL_TEST_ADMIN_URL;
  const dbName = `engine_${randomBytes(5).toString("hex")}_test`;
  let dbUrl = "";
  let workDir = "";
  let admin: pg.Client;
  let db: pg.Client | undefined;

  function prisma(...args: string[]): Promise<CliResult> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      PRISMA_SCHEMA_ENGINE_BINARY: shim,
      DATABASE_URL: dbUrl,
      NO_COLOR: "1",
    };
    delete env.DEBUG;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [prismaCli, ...args], { cwd: workDir, env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      const timer = setTimeout(() => child.kill("SIGKILL"), CLI_TIMEOUT_MS);
      child.on("error", reject);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  const show = (r: CliResult) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
  const writeSchema = (text: string) => writeFile(path.join(workDir, "prisma", "schema.prisma"), text);
  const migrationsDir = () => path.join(workDir, "prisma", "migrations");
  const migrationNames = async () =>
    (await readdir(migrationsDir(), { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  const appliedRows = async () =>
    (
      await db!.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
      }>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
      )
    ).rows;

  beforeAll(async () => {
    if (!adminUrl) throw new Error("SEGEL_TEST_ADMIN_URL is not set (superuser URL of the test PostgreSQL server)");
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();

    // A minimal project: its prisma.config.ts imports "prisma/config", so it
    // needs a node_modules; link the repo's instead of installing anything.
    workDir = await mkdtemp(path.join(os.tmpdir(), "segel-engine-"));
    await symlink(path.join(repoRoot, "node_modules"), path.join(workDir, "node_modules"), "dir");
    await mkdir(path.join(workDir, "prisma"));
    await writeFile(
      path.join(workDir, "prisma.config.ts"),
      `import { defineConfig } from "prisma/config";
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL },
});
`,
    );
    await writeSchema(SCHEMA_V1);
  });

  afterAll(async () => {
    await db?.end().catch(() => {});
    if (admin) {
      // Our database plus any shadow database the engine might have leaked
      // (shadow names end with the main database's name).
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
        [dbName, `%\\_${dbName}`],
      );
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await admin.end();
    }
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("(a) migrate dev --name init creates the first migration and applies it", async () => {
    const r = await prisma("migrate", "dev", "--name", "init");
    expect(r.code, show(r)).toBe(0);

    const names = await migrationNames();
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^\d{14}_init$/);
    const sql = await readFile(path.join(migrationsDir(), names[0]!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "User"');

    const rows = await appliedRows();
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    expect(rows[0]?.finished_at).toBeInstanceOf(Date);
    const { rows: tables } = await db!.query(`SELECT to_regclass('public."User"') AS t`);
    expect(tables[0]?.t).toBe('"User"');
  });

  it("(b) a schema change yields a second migration on top, both applied with checksums", async () => {
    await writeSchema(SCHEMA_V2);
    const r = await prisma("migrate", "dev", "--name", "add_post");
    expect(r.code, show(r)).toBe(0);

    const names = await migrationNames();
    expect(names).toHaveLength(2);
    expect(names[1]).toMatch(/_add_post$/);
    const sql = await readFile(path.join(migrationsDir(), names[1]!, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Post"');

    const rows = await appliedRows();
    expect(rows).toHaveLength(2);
    for (const [i, row] of rows.entries()) {
      expect(row.migration_name).toBe(names[i]);
      expect(row.finished_at).not.toBeNull();
      // Same checksum as the native engine: SHA-256 of the untouched file.
      const file = await readFile(path.join(migrationsDir(), names[i]!, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
    }
    await db!.query(`INSERT INTO "User" (email) VALUES ('a@example.test')`);
    await db!.query(`INSERT INTO "Post" (title, "authorId") SELECT 'hello', id FROM "User"`);
  });

  it("(c) a hand-written plpgsql migration with $$ ... ; ... $$ is deployed and callable", async () => {
    const created = await prisma("migrate", "dev", "--create-only", "--name", "add_one_fn");
    expect(created.code, show(created)).toBe(0);
    const names = await migrationNames();
    expect(names).toHaveLength(3);
    const fnMigration = names[2]!;
    expect(fnMigration).toMatch(/_add_one_fn$/);
    expect((await appliedRows()).map((row) => row.migration_name)).not.toContain(fnMigration);

    await writeFile(path.join(migrationsDir(), fnMigration, "migration.sql"), PLPGSQL_MIGRATION);
    const r = await prisma("migrate", "deploy");
    expect(r.code, show(r)).toBe(0);

    const { rows } = await db!.query(`SELECT add_one(41) AS v`);
    expect(rows[0]?.v).toBe(42);
    const applied = await appliedRows();
    expect(applied).toHaveLength(3);
    expect(applied.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);
    const checksum = createHash("sha256").update(PLPGSQL_MIGRATION).digest("hex");
    expect(applied.find((row) => row.migration_name === fnMigration)?.checksum).toBe(checksum);
  });

  it("(d) migrate status on an up-to-date database exits 0 and says so", async () => {
    const r = await prisma("migrate", "status");
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain("3 migrations found");
    expect(r.stdout).toContain("Database schema is up to date!");
  });

  it("(e) migrate diff --exit-code: 0 when migrations match the schema, 2 on drift", async () => {
    const args = [
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema",
      "prisma/schema.prisma",
      "--exit-code",
    ];
    const same = await prisma(...args);
    expect(same.code, show(same)).toBe(0);
    expect(same.stdout).toContain("No difference detected");

    await writeSchema(SCHEMA_V2.replace("  title    String\n", "  title    String\n  body     String?\n"));
    const drift = await prisma(...args);
    expect(drift.code, show(drift)).toBe(2);
    expect(drift.stdout).toMatch(/Changed the `Post` table[\s\S]*Added column `body`/);

    const script = await prisma(...args, "--script");
    expect(script.code, show(script)).toBe(2);
    expect(script.stdout).toContain('ALTER TABLE "Post" ADD COLUMN');
  });

  it("leaves no shadow database behind", async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_%' AND datname LIKE $1`,
      [`%${dbName}`],
    );
    expect(rows.map((r) => r.datname)).toEqual([]);
  });
});
