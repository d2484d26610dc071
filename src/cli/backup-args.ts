// The arguments of `npm run segel -- backup ...` (src/cli/backup-command.ts), parsed before
// anything is read or changed: a bad one is a message and exit code 2.
import { fromZonedLocal } from "../lib/zoned-time";

export const BACKUP_USAGE = `Usage: npm run segel -- backup <command>
  list                                   the base sets and the WAL archive under SEGEL_BACKUP_DIR
  now                                    take a base backup now (Segel must be running)
  drill [--set <id>]                     restore a set into a scratch cluster and verify all of it
  restore [--to <time>] [--into <dir>] [--set <id>] [--replace [--force-stop]] [--zone <IANA zone>]
                                         restore the latest state, or the state at <time>
                                         (ISO 8601 with its offset, or "YYYY-MM-DD HH:mm" in --zone,
                                         default Asia/Jakarta), into a new directory
  verify --url <postgres-url> --files <dir> [--manifest <manifest.json>] [--heads <file>]
                                         verify any restored cluster against the file-store backup`;

export type BackupArgs =
  | { command: "list" }
  | { command: "now" }
  | { command: "drill"; setId?: string }
  | {
      command: "restore";
      at: Date | null;
      into?: string;
      setId?: string;
      replace: boolean;
      forceStop: boolean;
    }
  | { command: "verify"; url: string; files: string; manifest?: string; heads?: string };

export class BackupArgsError extends Error {}

const SET_ID = /^\d{8}T\d{6}Z$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** "2026-12-07T10:15:00+07:00", "2026-12-07T03:15Z" or "2026-12-07 10:15" (in `zone`). */
export function parseRestoreTime(value: string, zone: string): Date {
  if (WITH_OFFSET.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return at;
  }
  const local = fromZonedLocal(value.replace(" ", "T"), zone);
  if (local) return local;
  throw new BackupArgsError(`--to ${value}: give an ISO 8601 time with its offset, or "YYYY-MM-DD HH:mm" (${zone}).`);
}

function takeFlags(args: string[], known: Record<string, "value" | "flag">) {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const kind = known[arg];
    if (!kind) throw new BackupArgsError(`Unknown argument: ${arg}`);
    if (kind === "flag") flags.add(arg);
    else {
      const value = args[++i];
      if (value === undefined || value.startsWith("--")) throw new BackupArgsError(`${arg} needs a value.`);
      if (arg in values) throw new BackupArgsError(`${arg} is given twice.`);
      values[arg] = value;
    }
  }
  return { values, flags };
}

function setIdOf(value: string | undefined): string | undefined {
  if (value !== undefined && !SET_ID.test(value))
    throw new BackupArgsError(`--set ${value}: a set id looks like 20261207T010000Z (see backup list).`);
  return value;
}

export function parseBackupArgs(args: string[]): BackupArgs {
  const [command, ...rest] = args;
  switch (command) {
    case "list":
    case "now":
      takeFlags(rest, {});
      return { command };
    case "drill":
      return { command, setId: setIdOf(takeFlags(rest, { "--set": "value" }).values["--set"]) };
    case "restore": {
      const { values, flags } = takeFlags(rest, {
        "--to": "value",
        "--into": "value",
        "--set": "value",
        "--zone": "value",
        "--replace": "flag",
        "--force-stop": "flag",
      });
      const zone = values["--zone"] ?? "Asia/Jakarta";
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
      } catch {
        throw new BackupArgsError(`--zone ${zone}: not an IANA time zone (e.g. Asia/Jakarta, Asia/Makassar).`);
      }
      if (flags.has("--force-stop") && !flags.has("--replace"))
        throw new BackupArgsError("--force-stop only goes with --replace.");
      if (flags.has("--replace") && values["--into"])
        throw new BackupArgsError("--replace restores into .data/postgres itself: leave out --into.");
      return {
        command,
        at: values["--to"] ? parseRestoreTime(values["--to"], zone) : null,
        into: values["--into"],
        setId: setIdOf(values["--set"]),
        replace: flags.has("--replace"),
        forceStop: flags.has("--force-stop"),
      };
    }
    case "verify": {
      const { values } = takeFlags(rest, {
        "--url": "value",
        "--files": "value",
        "--manifest": "value",
        "--heads": "value",
      });
      if (!values["--url"] || !values["--files"]) throw new BackupArgsError("verify needs --url and --files.");
      if (!/^postgres(ql)?:\/\//.test(values["--url"])) throw new BackupArgsError("--url must be a postgresql:// URL.");
      return {
        command,
        url: values["--url"],
        files: values["--files"],
        manifest: values["--manifest"],
        heads: values["--heads"],
      };
    }
    default:
      throw new BackupArgsError(command ? `Unknown backup command: ${command}` : "Which backup command?");
  }
}
