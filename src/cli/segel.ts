// `npm run segel -- <command>`: the administrator's commands on the server itself.
//   npm run segel -- admin create --email admin@lpse.example.go.id --name "Siti Aminah"
//   npm run segel -- keys export --out /media/usb/segel-keys.json   (src/cli/keys-command.ts)
//   npm run segel -- backup drill                                    (src/cli/backup-command.ts)
//   npm run segel -- tender export --code <code> --out <file>        (src/cli/tender-command.ts)
//   npm run segel -- red-flags refresh                               (src/cli/red-flags-command.ts)
//   npm run segel -- open-data backfill                              (src/cli/open-data-command.ts)
// Connects the way `npm start` does: DATABASE_URL when set, otherwise the embedded
// PostgreSQL in .data/ (the running one, or started for the command and stopped after).
// The database must have been set up by one start (SEGEL_DEMO=0 npm start) first.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { readBackupSettings } from "../server/backup-settings";
import { instanceKeyPath } from "../server/key-paths";
import { startEmbeddedPostgres } from "./embedded-db.mjs";
import { askHidden, askLine, readFirstStdinLine } from "./prompt";
import { parseSegelArgs, USAGE, type AdminCreateArgs } from "./segel-args";

const root = path.resolve(import.meta.dirname, "../..");
const START_FIRST = "Start Segel once first (SEGEL_DEMO=0 npm start) so it sets up the database, then run this again.";

class Refusal extends Error {}

/** The database URL and how to let go of it: the embedded server is stopped only if we started it. */
async function connect(): Promise<{ url: string; release: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, release: async () => {} };
  const port = Number(process.env.SEGEL_PG_PORT ?? 54329);
  const dataDir = path.join(root, ".data", "postgres");
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new Refusal(`No database in ${dataDir}. ${START_FIRST}`);
  // archiving as `npm start` does: WAL written while the server ran without it would never
  // reach the archive, a gap no restore can cross
  const backup = readBackupSettings(process.env, root);
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    ...(backup.enabled
      ? { archiveDir: path.join(backup.dir, "wal"), archiveTimeoutSeconds: backup.archiveTimeoutSeconds }
      : {}),
  });
  return { url: server.url("segel"), release: server.stop };
}

/** Refuses a database that no start has set up: no tables, or no LPSE row yet. */
async function assertSetUp(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ ready: boolean }>(
      `SELECT to_regclass('"LpseInstance"') IS NOT NULL AND EXISTS (SELECT 1 FROM "LpseInstance") AS ready`,
    );
    if (!rows[0]?.ready) throw new Refusal(`The database has no Segel instance yet. ${START_FIRST}`);
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(`Cannot reach the database (${(error as Error).message}). ${START_FIRST}`);
  } finally {
    await client.end().catch(() => {});
  }
  // the audit trail's MACs are keyed from the instance key: a new key here would mark the event forged
  if (!existsSync(instanceKeyPath()))
    throw new Refusal(
      `The instance key (${instanceKeyPath()}) is not here: run this where Segel runs, with its SEGEL_INSTANCE_KEY_FILE.`,
    );
}

async function askAdmin(args: AdminCreateArgs) {
  const interactive = process.stdin.isTTY && !args.passwordStdin;
  const need = (value: string | undefined, question: string) => {
    if (value !== undefined) return value;
    if (!interactive) throw new Refusal(`${question.replace(/:\s*$/, "")} is missing: give it as a flag.`);
    return askLine(question);
  };
  const email = await need(args.email, "E-mail: ");
  const name = await need(args.name, "Full name: ");
  // the NIP is optional: asked only on a terminal
  const nip = args.nip ?? (interactive ? await askLine("NIP (18 digits, empty if none): ") : "");
  let password: string;
  if (args.passwordStdin) password = await readFirstStdinLine();
  else {
    if (!process.stdin.isTTY) throw new Refusal("No terminal to ask the password on: use --password-stdin.");
    // Ctrl+C at the prompt ends the command with its message, not a stack
    const hidden = (question: string) =>
      askHidden(question).catch((error: Error) => Promise.reject(new Refusal(error.message)));
    password = await hidden("Password (at least 15 characters): ");
    if ((await hidden("The same password again: ")) !== password) throw new Refusal("The passwords differ.");
  }
  return { email, name, nip: nip || null, password };
}

/** AppError field keys in English, from the messages the portal shows. */
function explain(error: {
  messageKey: string;
  values: Record<string, string | number>;
  fieldErrors?: Record<string, string[]>;
}): string {
  const messages = JSON.parse(readFileSync(path.join(root, "src/i18n/messages/en/errors.json"), "utf8"));
  const text = (key: string) =>
    String(key.split(".").reduce((m, k) => m?.[k], messages) ?? key).replace(/\{(\w+)\}/g, (_m, name: string) =>
      String(error.values[name] ?? `{${name}}`),
    );
  const message = text(error.messageKey);
  const fields = Object.entries(error.fieldErrors ?? {})
    .map(([f, keys]) => [f, keys.map(text).join(" ")])
    .filter(([, said]) => said !== message)
    .map(([f, said]) => `  ${f}: ${said}`);
  return [message, ...fields].join("\n");
}

async function adminCreate(args: AdminCreateArgs): Promise<number> {
  const input = await askAdmin(args);
  const database = await connect();
  try {
    await assertSetUp(database.url);
    process.env.DATABASE_URL = database.url;
    // imported only now: the database client reads DATABASE_URL when it loads
    const { createInstanceAdmin } = await import("../modules/lpse/server/create-instance-admin");
    const { AppError } = await import("../server/errors");
    try {
      await createInstanceAdmin(input, {
        label: "segel admin create (CLI)",
        osUser: os.userInfo().username,
        host: os.hostname(),
      });
    } catch (error) {
      if (error instanceof AppError) throw new Refusal(explain(error));
      throw error;
    }
    const { db } = await import("../server/db");
    await db.$disconnect();
  } finally {
    await database.release().catch(() => {});
  }
  const origin = (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
  console.log(
    [
      "",
      `  ${input.email} is now an LPSE administrator (ADMIN_LPSE). Next:`,
      `    1. Sign in at ${origin}/masuk`,
      `    2. Set up the second factor (TOTP) at ${origin}/akun/dua-faktor`,
      `    3. Fill in the LPSE profile (name, address, logo, contact) at ${origin}/admin/profil`,
      `    4. Create the agencies (K/L/PD) and their administrators at ${origin}/admin/instansi`,
      "",
    ].join("\n"),
  );
  return 0;
}

async function main(): Promise<number> {
  const [noun, ...rest] = process.argv.slice(2);
  // each imported only when asked for: they load what admin create does not need
  if (noun === "keys") return (await import("./keys-command")).runKeysCommand(rest);
  if (noun === "backup") return (await import("./backup-command")).runBackupCommand(rest);
  if (noun === "tender") return (await import("./tender-command")).runTenderCommand(rest);
  if (noun === "red-flags") return (await import("./red-flags-command")).runRedFlagsCommand(rest);
  if (noun === "open-data") return (await import("./open-data-command")).runOpenDataCommand(rest);
  const args = parseSegelArgs(process.argv.slice(2));
  if (args.command === "help") return (console.log(USAGE), 0);
  if (args.command === "error") return (console.error(`${args.message}\n\n${USAGE}`), 2);
  return adminCreate(args);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Refusal ? error.message : `[segel] Failed: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
