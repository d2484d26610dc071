// `npm run segel -- keys export --out <file>` and `keys import --in <file> [--force]`: the
// instance key and the at-rest key as one file encrypted under an operator's passphrase
// (keys-bundle.ts), kept apart from the backups (docs/decisions/0039). The passphrase is read
// without echo on a terminal, or from standard input with --passphrase-stdin; never a flag.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { readBackupSettings } from "../server/backup-settings";
import { atRestKeyPath, instanceKeyPath } from "../server/key-paths";
import { KeysBundleError, openKeys, parseKeysBundle, passphraseIssue, sealKeys } from "./keys-bundle";
import { askHidden, readFirstStdinLine } from "./prompt";

export const KEYS_USAGE = `  keys export --out <file> [--force] [--passphrase-stdin]
      Writes the instance key and the at-rest key, encrypted under a passphrase (at least
      15 characters, asked twice without echo), to <file>. Keep it apart from the backup
      disk, and the passphrase apart from both.
  keys import --in <file> [--force] [--passphrase-stdin]
      Puts the keys of an export back (SEGEL_INSTANCE_KEY_FILE, SEGEL_AT_REST_KEY_FILE, or
      .data/). Refuses to replace a key file unless --force, which moves the old one aside.`;

/** A refusal in plain words: exit 2 for bad input, 1 when the state refuses; nothing written. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2 = 1,
  ) {
    super(message);
  }
}

interface KeysArgs {
  verb: "export" | "import";
  file: string;
  force: boolean;
  passphraseStdin: boolean;
}

function parseKeysArgs(argv: readonly string[]): KeysArgs {
  const [verb, ...rest] = argv;
  if (verb !== "export" && verb !== "import")
    throw new Refusal(`Unknown command: keys ${verb ?? ""}\n\n${KEYS_USAGE}`, 2);
  const fileFlag = verb === "export" ? "--out" : "--in";
  let file: string | undefined;
  let force = false;
  let passphraseStdin = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--force") force = true;
    else if (arg === "--passphrase-stdin") passphraseStdin = true;
    else if (arg === "--passphrase" || arg.startsWith("--passphrase="))
      // a passphrase on the command line stays in the shell history and in `ps`
      throw new Refusal("Give the passphrase at the prompt or with --passphrase-stdin, never as a flag.", 2);
    else if (arg === fileFlag || arg.startsWith(`${fileFlag}=`)) {
      const value = arg.includes("=") ? arg.slice(fileFlag.length + 1) : rest[++i];
      if (!value || value.startsWith("--")) throw new Refusal(`${fileFlag} needs a file name.`, 2);
      if (file !== undefined) throw new Refusal(`${fileFlag} is given twice.`, 2);
      file = value;
    } else throw new Refusal(`Unknown option for keys ${verb}: ${arg}\n\n${KEYS_USAGE}`, 2);
  }
  if (!file) throw new Refusal(`keys ${verb} needs ${fileFlag} <file>.`, 2);
  return { verb, file: path.resolve(file), force, passphraseStdin };
}

async function readPassphrase(args: KeysArgs): Promise<string> {
  if (args.passphraseStdin) return readFirstStdinLine();
  if (!process.stdin.isTTY) throw new Refusal("No terminal to ask the passphrase on: use --passphrase-stdin.", 2);
  const hidden = (question: string) =>
    askHidden(question).catch((error: Error) => Promise.reject(new Refusal(error.message, 2)));
  const passphrase = await hidden("Passphrase (at least 15 characters): ");
  if (args.verb === "export" && (await hidden("The same passphrase again: ")) !== passphrase)
    throw new Refusal("The passphrases differ.", 2);
  return passphrase;
}

/** Writes `bytes` durably with mode 0600: a temporary file, fsync, rename, fsync the folder. */
async function writePrivateFile(file: string, bytes: Buffer | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${randomUUID()}.tmp`;
  const handle = await open(tmp, "wx", 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  const dir = await open(path.dirname(file), "r");
  await dir.sync().finally(() => dir.close());
}

async function readKeyFile(file: string, setting: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new Refusal(`No key file at ${file} (${setting}): run this where Segel runs, with its settings.`);
  }
}

async function exportKeys(args: KeysArgs): Promise<number> {
  const backupDir = readBackupSettings(process.env).dir;
  const inside = path.relative(backupDir, args.file);
  // the whole point of a separate file: a stolen backup must not carry its keys
  if (!inside.startsWith("..") && !path.isAbsolute(inside))
    throw new Refusal(`${args.file} is inside the backup directory (${backupDir}): keep the keys elsewhere.`, 2);
  if (existsSync(args.file) && !args.force)
    throw new Refusal(`${args.file} exists already: choose another name, or --force to replace it.`);
  const files = {
    instanceKey: await readKeyFile(instanceKeyPath(), "SEGEL_INSTANCE_KEY_FILE"),
    atRestKey: await readKeyFile(atRestKeyPath(), "SEGEL_AT_REST_KEY_FILE"),
  };
  const passphrase = await readPassphrase(args);
  const issue = passphraseIssue(passphrase);
  if (issue) throw new Refusal(issue, 2);
  const bundle = sealKeys(files, passphrase);
  await writePrivateFile(args.file, `${JSON.stringify(bundle, null, 2)}\n`);
  console.log(
    [
      `Wrote the instance key and the at-rest key, encrypted, to ${args.file}.`,
      `  Instance key fingerprint: ${bundle.fingerprint}`,
      "  Keep this file away from the backup disk, and the passphrase away from both.",
    ].join("\n"),
  );
  return 0;
}

async function importKeys(args: KeysArgs): Promise<number> {
  const text = await readFile(args.file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new Refusal(`Cannot read ${args.file}: ${error.code === "ENOENT" ? "no such file" : error.message}.`, 2);
  });
  let bundle;
  try {
    bundle = parseKeysBundle(text);
  } catch (error) {
    throw new Refusal(`${args.file}: ${(error as Error).message}`, 2);
  }
  const targets = [
    { file: instanceKeyPath(), key: "instanceKey" as const },
    { file: atRestKeyPath(), key: "atRestKey" as const },
  ];
  const present = targets.filter((t) => existsSync(t.file));
  if (present.length && !args.force)
    throw new Refusal(
      `${present.map((t) => t.file).join(" and ")} exist${present.length === 1 ? "s" : ""} already: ` +
        "nothing was written. --force replaces them, moving the old files aside.",
    );
  const passphrase = await readPassphrase(args);
  let files;
  try {
    files = openKeys(bundle, passphrase);
  } catch (error) {
    if (error instanceof KeysBundleError) throw new Refusal(`${error.message} Nothing was written.`);
    throw error;
  }
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
  for (const target of targets) {
    if (existsSync(target.file)) {
      const current = await readFile(target.file);
      if (current.equals(files[target.key])) continue;
      // never deleted: a replaced at-rest key is the only way into the tenders it opened
      await rename(target.file, `${target.file}.replaced-${stamp}`);
      console.log(`Moved the old ${target.file} to ${target.file}.replaced-${stamp}.`);
    }
    await writePrivateFile(target.file, files[target.key]);
    console.log(`Wrote ${target.file} (mode 0600).`);
  }
  console.log(`Instance key fingerprint: ${bundle.fingerprint}`);
  return 0;
}

/** The `keys` commands; prints its own messages and returns the exit code. */
export async function runKeysCommand(argv: readonly string[]): Promise<number> {
  try {
    const args = parseKeysArgs(argv);
    return await (args.verb === "export" ? exportKeys(args) : importKeys(args));
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    console.error(error.message);
    return error.code;
  }
}
