import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contractRelease, destructiveStatements } from "./migration-lint";

// The previous release and its last migration: every later migration runs while that
// release's code still serves (docs/decisions/0018). Move both forward at each release.
const PREVIOUS_RELEASE = { commit: "0c9f38b", lastMigration: "20261206130000_sign_in_throttle" };
const MIGRATIONS = path.join(import.meta.dirname, "migrations");

const kinds = (sql: string) => destructiveStatements(sql).map((f) => f.kind);

describe("destructiveStatements", () => {
  it.each([
    ['DROP TABLE "Tender";', "DROP TABLE"],
    ["DROP TYPE IF EXISTS bid_part CASCADE;", "DROP TABLE"],
    ['ALTER TABLE "Bid" DROP COLUMN "receipt";', "DROP COLUMN"],
    ['ALTER TABLE "Bid" DROP "receipt";', "DROP COLUMN"],
    ['ALTER TABLE "Bid" ADD COLUMN "x" TEXT, DROP COLUMN IF EXISTS "receipt";', "DROP COLUMN"],
    ['ALTER TABLE "Bid" RENAME COLUMN "receipt" TO "signedReceipt";', "RENAME"],
    ['ALTER TABLE "Bid" RENAME TO "Offer";', "RENAME"],
    ["ALTER TYPE \"BidPart\" RENAME VALUE 'HARGA' TO 'PRICE';", "RENAME"],
    ['ALTER TABLE "Bid" ALTER COLUMN "price" TYPE BIGINT;', "ALTER COLUMN TYPE"],
    ['ALTER TABLE "Bid" ALTER COLUMN "price" SET DATA TYPE BIGINT USING price::bigint;', "ALTER COLUMN TYPE"],
    ['ALTER TABLE "Bid" ALTER COLUMN "note" SET NOT NULL;', "SET NOT NULL without a default"],
    ['ALTER TABLE "Bid" ADD COLUMN "receivedAt" TIMESTAMPTZ(3) NOT NULL;', "ADD COLUMN NOT NULL without a default"],
  ])("flags %s as %s", (sql, kind) => {
    expect(kinds(sql)).toContain(kind);
  });

  it.each([
    'ALTER TABLE "Bid" ADD COLUMN "receivedAt" TIMESTAMPTZ(3);',
    'ALTER TABLE "Bid" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;',
    'ALTER TABLE "Bid" ALTER COLUMN "note" SET DEFAULT \'\', ALTER COLUMN "note" SET NOT NULL;',
    'ALTER TABLE "Bid" DROP CONSTRAINT "Bid_price_check", ADD CONSTRAINT "Bid_price_check" CHECK (price > 0) NOT VALID;',
    'ALTER TABLE "Bid" ALTER COLUMN "note" DROP NOT NULL, ALTER COLUMN "note" DROP DEFAULT;',
    'CREATE TABLE "Upload" ("id" UUID NOT NULL, "size" BIGINT NOT NULL, CONSTRAINT "Upload_pkey" PRIMARY KEY ("id"));',
    'CREATE INDEX CONCURRENTLY "Tender_paketId_idx" ON "Tender"("paketId");',
    'DROP INDEX IF EXISTS "Tender_old_idx";',
    "ALTER TYPE \"BidPart\" ADD VALUE 'LAMPIRAN';",
    '-- DROP TABLE "Tender" was considered\nCOMMENT ON TABLE "Bid" IS \'we never DROP COLUMN here; RENAME nothing\';',
    "CREATE FUNCTION f() RETURNS void AS $$ BEGIN EXECUTE 'x'; ALTER TABLE t RENAME TO u; END $$ LANGUAGE plpgsql;",
  ])("lets an additive statement through: %s", (sql) => {
    expect(kinds(sql)).toEqual([]);
  });

  it("reads the contract marker only when it names a release", () => {
    expect(
      contractRelease('-- contract: stopped being used in release 0c9f38b\nALTER TABLE "Bid" DROP COLUMN "x";'),
    ).toBe("0c9f38b");
    expect(contractRelease("-- contract: stopped being used in release v1.4.0\n")).toBe("v1.4.0");
    expect(contractRelease("-- contract: stopped being used in release soon\n")).toBeNull();
    expect(contractRelease('ALTER TABLE "Bid" DROP COLUMN "x";')).toBeNull();
  });
});

describe(`migrations after the previous release (${PREVIOUS_RELEASE.commit})`, () => {
  const newer = readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name > PREVIOUS_RELEASE.lastMigration)
    .map((entry) => entry.name)
    .sort();

  it("knows the previous release's last migration", () => {
    expect(readdirSync(MIGRATIONS)).toContain(PREVIOUS_RELEASE.lastMigration);
  });

  it.each(newer)("%s only expands the schema, or is a contract migration naming its release", (name) => {
    const sql = readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");
    if (contractRelease(sql)) return;
    expect(destructiveStatements(sql).map((f) => `${f.kind}: ${f.statement}`)).toEqual([]);
  });
});
