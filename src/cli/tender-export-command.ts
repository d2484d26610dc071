// `npm run segel -- tender export --code <code> --out <file> [--database-url <url>] [--files <dir>]`
// (docs/decisions/0040). Writes one tender as a bundle signed with this instance's key.
// --database-url reads a restored backup's database instead of the live one (the source
// may be the hacked server), and is never written to; --files reads the stored objects
// from a backup's files/ folder instead of the live file store.
import { existsSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { instanceKeyPath } from "../server/key-paths";
import { explainError, liveDatabase } from "./live-database";

export const EXPORT_USAGE = `Usage: npm run segel -- tender export --code <tender code> --out <file> [--database-url <url>] [--files <dir>]

  --code           the tender's public code
  --out            the bundle to write (must not exist yet)
  --database-url   read this database (a restored backup) instead of this instance's
  --files          read stored files from this backup files/ folder instead of the file store`;

export interface ExportArgs {
  code: string;
  out: string;
  databaseUrl: string | null;
  files: string | null;
}

const FLAGS = { "--code": "code", "--out": "out", "--database-url": "databaseUrl", "--files": "files" } as const;

/** The arguments, or a message saying what is wrong with them. */
export function parseExportArgs(argv: readonly string[]): ExportArgs | { error: string } {
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
  if (!got.code) return { error: "--code is required: the tender's public code." };
  if (!got.out) return { error: "--out is required: the file to write the bundle to." };
  if (existsSync(got.out)) return { error: `--out ${got.out} already exists: a bundle is never written over.` };
  if (!existsSync(path.dirname(path.resolve(got.out))))
    return { error: `--out ${got.out}: its folder does not exist.` };
  if (got.databaseUrl && !/^postgres(ql)?:\/\//.test(got.databaseUrl))
    return { error: "--database-url must be a postgresql:// URL." };
  if (got.files && !(existsSync(got.files) && statSync(got.files).isDirectory()))
    return { error: `--files ${got.files}: no such folder.` };
  return { code: got.code, out: got.out, databaseUrl: got.databaseUrl ?? null, files: got.files ?? null };
}

export async function runTenderExport(argv: readonly string[]): Promise<number> {
  const args = parseExportArgs(argv);
  if ("error" in args) {
    console.error(`${args.error}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  // the manifest is signed with the instance key: a new key made here would vouch for nothing
  if (!existsSync(instanceKeyPath())) {
    console.error(
      `The instance key (${instanceKeyPath()}) is not here: import it first (npm run segel -- keys import), or set SEGEL_INSTANCE_KEY_FILE.`,
    );
    return 2;
  }
  let release = async () => {};
  try {
    const live = args.databaseUrl === null;
    if (live) {
      const database = await liveDatabase("or give --database-url");
      release = database.release;
      process.env.DATABASE_URL = database.url;
    } else {
      // nothing in this process may reach the live database while it reads a restored one
      process.env.DATABASE_URL = args.databaseUrl!;
    }
    // imported only now: the database client reads DATABASE_URL when it loads
    const { db } = await import("../server/db");
    const { AppError } = await import("../server/errors");
    const { exportTenderToFile } = await import("../modules/transfer/server/export-tender");
    const { backupFilesSource, storeSource } = await import("../modules/transfer/server/write-bundle");
    const started = Date.now();
    try {
      const result = await exportTenderToFile({
        client: db,
        code: args.code,
        out: args.out,
        source: args.files ? backupFilesSource(args.files) : storeSource(),
        live,
        actorLabel: `segel tender export (CLI, ${os.userInfo().username}@${os.hostname()})`,
      });
      const m = result.manifest;
      console.log(
        `Tender ${m.tender.code} (${m.tender.status}) written to ${args.out}: ${result.bytes} bytes in ${Date.now() - started} ms`,
      );
      console.log(`  manifest sha256: ${result.manifestSha256}`);
      console.log(`  source: ${m.source.lpseName}, key ${m.source.instanceKey.fingerprint}`);
      console.log(
        `  read from: ${live ? "this instance" : "the restored database (not audited there)"}; files from ${args.files ?? "the file store"}`,
      );
      console.log(
        `  counts: ${Object.entries(m.counts)
          .map(([t, n]) => `${t} ${n}`)
          .join(", ")}`,
      );
      console.log("Give the receiving LPSE the bundle and, separately, the key fingerprint above.");
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
    console.error(`tender export failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await release().catch(() => {});
  }
}
