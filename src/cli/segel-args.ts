// The arguments of `npm run segel -- <command> ...` (src/cli/segel.ts). Pure, so the
// parsing is unit-tested; each command is a noun and a verb, so later commands (backups,
// key rotation) sit beside `admin create` without changing how the others parse.

export interface AdminCreateArgs {
  command: "admin create";
  email?: string;
  name?: string;
  nip?: string;
  /** read the password from standard input (scripts) instead of a prompt without echo */
  passwordStdin: boolean;
}

export type ParsedArgs = AdminCreateArgs | { command: "help" } | { command: "error"; message: string };

const ADMIN_CREATE_VALUES = ["email", "name", "nip"] as const;

export const USAGE = `Usage: npm run segel -- <command>

Commands:
  admin create [--email <e-mail>] [--name <full name>] [--nip <NIP>] [--password-stdin]
      Creates an LPSE administrator (ADMIN_LPSE) on this instance. Asks for what is
      missing; the password is read without echo, or from standard input with
      --password-stdin (one line).
  keys export --out <file> | keys import --in <file> [--force]
      The instance key and the at-rest key as one file encrypted under a passphrase
      (npm run segel -- keys, with no more, for the details).
  backup list | now | drill | restore | verify
      Backups and the restore drill (npm run segel -- backup, with no more, for the details).
  tender export | import
      A tender moved whole to another LPSE as one signed bundle
      (npm run segel -- tender, with no more, for the details).
  help
      Shows this text.`;

export function parseSegelArgs(argv: readonly string[]): ParsedArgs {
  const [noun, verb, ...rest] = argv;
  if (!noun || noun === "help" || noun === "--help" || noun === "-h") return { command: "help" };
  if (noun !== "admin" || verb !== "create")
    return { command: "error", message: `Unknown command: ${[noun, verb].filter(Boolean).join(" ")}` };
  const parsed: AdminCreateArgs = { command: "admin create", passwordStdin: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--password-stdin") {
      parsed.passwordStdin = true;
      continue;
    }
    if (arg === "--password" || arg.startsWith("--password="))
      // a password on the command line stays in the shell history and in `ps`
      return {
        command: "error",
        message: "Give the password at the prompt or with --password-stdin, never as a flag.",
      };
    const match = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    const key = ADMIN_CREATE_VALUES.find((k) => k === match?.[1]);
    if (!match || !key) return { command: "error", message: `Unknown option: ${arg}` };
    const value = match[2] ?? rest[++i];
    if (value === undefined || (match[2] === undefined && value.startsWith("--")))
      return { command: "error", message: `--${key} needs a value` };
    if (parsed[key] !== undefined) return { command: "error", message: `--${key} is given twice` };
    parsed[key] = value;
  }
  return parsed;
}
