// What the administrator's commands share (src/cli/segel.ts and its nouns): the live
// database as `npm start` uses it, and an AppError's message in English.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readBackupSettings } from "../server/backup-settings";
import { startEmbeddedPostgres } from "./embedded-db.mjs";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * DATABASE_URL, or the embedded PostgreSQL in .data/ (the running one, or started for the
 * command and stopped after), archiving as `npm start` does so the command leaves no WAL gap.
 */
export async function liveDatabase(hint: string): Promise<{ url: string; release: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, release: async () => {} };
  const dataDir = path.join(root, ".data", "postgres");
  if (!existsSync(path.join(dataDir, "PG_VERSION")))
    throw new Error(`No database in ${dataDir}: start Segel once (SEGEL_DEMO=0 npm start), ${hint}.`);
  const backup = readBackupSettings(process.env, root);
  const server = await startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.SEGEL_PG_PORT ?? 54329),
    ...(backup.enabled
      ? { archiveDir: path.join(backup.dir, "wal"), archiveTimeoutSeconds: backup.archiveTimeoutSeconds }
      : {}),
  });
  return { url: server.url("segel"), release: server.stop };
}

/**
 * Runs `work` against the live database with the portal's database client, then closes both.
 * The client is imported only once DATABASE_URL names that database: it reads it when it loads.
 */
export async function withLiveDatabase<T>(
  hint: string,
  work: (db: typeof import("../server/db").db) => Promise<T>,
): Promise<T> {
  const database = await liveDatabase(hint);
  try {
    process.env.DATABASE_URL = database.url;
    const { db } = await import("../server/db");
    try {
      return await work(db);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.release().catch(() => {});
  }
}

/** An AppError's message in English, from the messages the portal shows. */
export function explainError(key: string, values: Record<string, string | number>): string {
  const file = path.join(root, "src/i18n/messages/en/errors.json");
  const messages = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const found = key.split(".").reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], messages);
  return String(found ?? key).replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? `{${name}}`));
}
