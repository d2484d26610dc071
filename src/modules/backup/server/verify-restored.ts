import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { verifyAuditLog } from "@/modules/audit";
import { verifyReceipt } from "@/modules/bids/domain";
import { PrismaClient } from "@/generated/prisma/client";
import { getInstanceKey } from "@/server/instance-key";
import type { BackupManifest } from "../domain/manifest";
import { verifyFiles } from "./verify-files";

/**
 * The proof that a restored cluster holds what was backed up (docs/decisions/0039), for
 * the embedded drill's scratch cluster or any PostgreSQL restored by other tools
 * (pgBackRest, WAL-G): the schema at a migration this code knows, every table's rows as
 * the manifest counted them, every stored file present with its hash, the audit chain
 * against the signed heads it can hold, and every bid receipt signed by this instance.
 * Every check runs; the first failure is the one named.
 */
export type CheckName = "rowCount" | "file" | "audit" | "receipt" | "migration" | "wal" | "manifest" | "restore";

export interface Failure {
  check: CheckName;
  detail: string;
}

export interface VerifyChecks {
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  auditEntries: number;
  /** the newest signed head's size the log was checked against (the newest it can hold) */
  auditSignedSize: number;
  receipts: number;
  migration: string | null;
  /** migrations in this repository newer than the restored one: npm start applies them */
  migrationsBehind: number;
}

export interface VerifyReport {
  ok: boolean;
  checks: VerifyChecks;
  firstFailure: Failure | null;
}

export interface VerifyOptions {
  url: string;
  /** the file-store backup (a backup's files/) or a local store folder */
  filesRoot: string;
  manifest?: BackupManifest;
  /** a copy of the signed heads; the one beside the instance key when absent */
  headsFile?: string;
  /** where prisma/migrations is; the working directory when absent */
  repositoryRoot?: string;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function repositoryMigrations(root: string): Promise<string[]> {
  const names = await readdir(path.join(root, "prisma", "migrations")).catch(() => [] as string[]);
  return names.filter((n) => /^\d{14}_/.test(n)).sort();
}

async function checkMigration(sql: pg.Client, options: VerifyOptions, checks: VerifyChecks): Promise<string | null> {
  const { rows } = await sql.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  const restored = rows[0]?.name ?? null;
  checks.migration = restored;
  if (!restored) return "the restored database has no applied migration";
  if (options.manifest && restored !== options.manifest.migration)
    return `the restored database is at migration ${restored}, the manifest says ${options.manifest.migration}`;
  const known = await repositoryMigrations(options.repositoryRoot ?? process.cwd());
  if (known.length > 0 && !known.includes(restored))
    return `the restored database is at migration ${restored}, which this repository does not have (newest: ${known.at(-1)})`;
  checks.migrationsBehind = known.filter((name) => name > restored).length;
  return null;
}

async function checkRowCounts(sql: pg.Client, options: VerifyOptions, checks: VerifyChecks): Promise<string | null> {
  const { rows: tables } = await sql.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  const present = new Set(tables.map((t) => t.name));
  const expected = options.manifest?.rowCounts;
  const names = expected ? Object.keys(expected).sort() : [...present];
  let problem: string | null = null;
  for (const name of names) {
    if (!present.has(name)) {
      problem ??= `table "${name}" is missing from the restored database`;
      continue;
    }
    const { rows } = await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(name)}`);
    const count = Number(rows[0]!.n);
    checks.tables += 1;
    checks.rows += count;
    if (expected && count !== expected[name])
      problem ??= `table "${name}": ${count} rows, the manifest says ${expected[name]}`;
  }
  return problem;
}

async function checkReceipts(client: PrismaClient, checks: VerifyChecks): Promise<string | null> {
  const { publicKey } = await getInstanceKey();
  for (let after: string | undefined; ;) {
    const bids = await client.bid.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true, receipt: true, receiptSignature: true },
    });
    for (const bid of bids) {
      const result = verifyReceipt(
        { receipt: bid.receipt, signature: bid.receiptSignature, algorithm: "Ed25519" },
        publicKey,
      );
      if (!result.valid) return `bid ${bid.id}: its receipt does not verify (${result.reason})`;
      if (result.receipt.bidId !== bid.id) return `bid ${bid.id}: its receipt is bid ${result.receipt.bidId}'s`;
      checks.receipts += 1;
    }
    if (bids.length < 500) return null;
    after = bids[bids.length - 1]!.id;
  }
}

export async function verifyRestoredCluster(options: VerifyOptions): Promise<VerifyReport> {
  const checks: VerifyChecks = {
    tables: 0,
    rows: 0,
    files: 0,
    fileBytes: 0,
    auditEntries: 0,
    auditSignedSize: 0,
    receipts: 0,
    migration: null,
    migrationsBehind: 0,
  };
  let firstFailure: Failure | null = null;
  const fail = (check: CheckName, detail: string | null) => {
    if (detail && !firstFailure) firstFailure = { check, detail };
  };
  const sql = new pg.Client({ connectionString: options.url });
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: options.url, max: 2 }) });
  // a check that cannot run is that check's failure, named with its reason
  const attempt = async (check: CheckName, run: () => Promise<string | null>) => {
    try {
      fail(check, await run());
    } catch (error) {
      fail(check, `the ${check} check could not run: ${(error as Error).message}`);
    }
  };
  try {
    await sql.connect();
    await attempt("migration", () => checkMigration(sql, options, checks));
    await attempt("rowCount", () => checkRowCounts(sql, options, checks));
    await attempt("file", async () => {
      const result = await verifyFiles(client, options.filesRoot);
      checks.files = result.files;
      checks.fileBytes = result.bytes;
      return result.problem;
    });
    await attempt("audit", async () => {
      const report = await verifyAuditLog(client, { headsFile: options.headsFile, headsUpToLogSize: true });
      checks.auditEntries = report.checked;
      checks.auditSignedSize = Number(report.latestHead?.treeSize ?? 0n);
      const finding = report.findings[0];
      if (!finding) return null;
      const where = [
        finding.seq !== null ? `event ${finding.seq}` : null,
        finding.logIndex !== null ? `log index ${finding.logIndex}` : null,
        finding.treeSize !== null ? `tree size ${finding.treeSize}` : null,
      ].filter(Boolean);
      return `the audit chain is ${finding.kind.toLowerCase().replace("_", " ")} at ${where.join(", ")}`;
    });
    await attempt("receipt", () => checkReceipts(client, checks));
  } catch (error) {
    fail("restore", `cannot reach the restored database: ${(error as Error).message}`);
  } finally {
    await sql.end().catch(() => {});
    await client.$disconnect().catch(() => {});
  }
  return { ok: firstFailure === null, checks, firstFailure };
}
