// `npm run segel -- tender import --in <file> --agency <code or id> --admin <e-mail> --source-key <fingerprint>`
// (docs/decisions/0040). Imports a tender bundle exported by another LPSE: everything is
// checked before anything is written; a refusal exits 2 with the reason.
import { existsSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ImportTenderResult } from "../modules/transfer/server/import-tender";
import { instanceKeyPath } from "../server/key-paths";
import { explainError, liveDatabase } from "./live-database";

export const IMPORT_USAGE = `Usage: npm run segel -- tender import --in <file> --agency <agency code or id> --admin <e-mail> --source-key <fingerprint>

  --in          the bundle the source LPSE exported
  --agency      the agency of this LPSE the tender belongs to from now on
  --admin       the e-mail of an ADMIN_LPSE of this LPSE, who is recorded as importing it
  --source-key  the source LPSE's key fingerprint (sha256:...), learnt out of band
                (its /api/instance-key page, a letter): not from the bundle itself`;

export interface ImportArgs {
  file: string;
  agency: string;
  admin: string;
  sourceKey: string;
}

const FLAGS = { "--in": "file", "--agency": "agency", "--admin": "admin", "--source-key": "sourceKey" } as const;

/** The arguments, or a message saying what is wrong with them. */
export function parseImportArgs(argv: readonly string[]): ImportArgs | { error: string } {
  const got: Partial<Record<(typeof FLAGS)[keyof typeof FLAGS], string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const name = FLAGS[flag as keyof typeof FLAGS];
    if (!name) return { error: `Unknown argument: ${argv[i]}` };
    const value = inline ?? argv[++i];
    if (value === undefined || value.trim() === "" || (inline === undefined && value.startsWith("--")))
      return { error: `${flag} needs a value.` };
    if (got[name] !== undefined) return { error: `${flag} was given twice.` };
    got[name] = value.trim();
  }
  for (const [flag, name] of Object.entries(FLAGS)) if (!got[name]) return { error: `${flag} is required.` };
  if (!(existsSync(got.file!) && statSync(got.file!).isFile())) return { error: `--in ${got.file}: no such file.` };
  if (!/^sha256:[0-9a-f]{64}$/.test(got.sourceKey!))
    return { error: "--source-key must look like sha256:<64 hex digits> (the source's key fingerprint)." };
  return got as ImportArgs;
}

/**
 * What the operator reads after an import. A company on this LPSE's daftar hitam is named
 * with its decree: the import carries it (decision 0040), and the receiving Pokja must know.
 */
export function importReport(
  result: ImportTenderResult,
  agency: { name: string; code: string },
  elapsedMs: number,
): string[] {
  const lines = [
    `Tender ${result.code} imported into ${agency.name} (${agency.code}) in ${elapsedMs} ms`,
    `  tender id (kept): ${result.tenderId}`,
    `  manifest sha256: ${result.manifestSha256}`,
    `  people: ${result.matched} matched by e-mail, ${result.invited} invited`,
    `  rows: ${Object.entries(result.counts)
      .map(([table, n]) => `${table} ${n}`)
      .join(", ")}`,
  ];
  if (result.blacklisted.length === 0) return lines;
  return [
    ...lines,
    `  on this LPSE's daftar hitam (imported, not refused; tell the Pokja): ${result.blacklisted.length}`,
    ...result.blacklisted.map((b) => `    ${b.vendorName}: decree ${b.decreeNumber}, in force until ${b.endsAt}`),
  ];
}

export async function runTenderImport(argv: readonly string[]): Promise<number> {
  const args = parseImportArgs(argv);
  if ("error" in args) {
    console.error(`${args.error}\n\n${IMPORT_USAGE}`);
    return 2;
  }
  // the bid files' proofs and the audit trail are keyed by this instance's key: a new key made here would not be it
  if (!existsSync(instanceKeyPath())) {
    console.error(
      `The instance key (${instanceKeyPath()}) is not here: set SEGEL_INSTANCE_KEY_FILE to this LPSE's key.`,
    );
    return 2;
  }
  let release = async () => {};
  try {
    const database = await liveDatabase("or set DATABASE_URL");
    release = database.release;
    process.env.DATABASE_URL = database.url;
    // imported only now: the database client reads DATABASE_URL when it loads
    const { db } = await import("../server/db");
    const { AppError } = await import("../server/errors");
    const { importTender } = await import("../modules/transfer/server/import-tender");
    const { findImportAgency, importAdminActor } = await import("../modules/transfer/server/import-context");
    const started = Date.now();
    try {
      const agency = await findImportAgency(args.agency);
      const actor = await importAdminActor(
        args.admin,
        `segel tender import (CLI, ${os.userInfo().username}@${os.hostname()})`,
      );
      const result = await importTender(actor, {
        bundlePath: path.resolve(args.file),
        agencyId: agency.id,
        expectedFingerprint: args.sourceKey,
      });
      for (const line of importReport(result, agency, Date.now() - started)) console.log(line);
      return 0;
    } catch (error) {
      if (error instanceof AppError) {
        console.error(explainError(error.messageKey, error.values));
        return 2;
      }
      throw error;
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    console.error(`tender import failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await release().catch(() => {});
  }
}
