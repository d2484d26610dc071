// `npm run segel -- ...` against the empty instance's database, as its operator runs it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { E2E_EMPTY_DATABASE_URL, E2E_EMPTY_PORT } from "../env";

const root = path.resolve(import.meta.dirname, "../../..");

export interface CommandResult {
  status: number | null;
  output: string;
}

/** Runs the command with `stdin` as its standard input (a password for --password-stdin). */
export function runSegelCommand(args: string[], stdin = ""): CommandResult {
  const result = spawnSync("npm", ["run", "--silent", "segel", "--", ...args], {
    cwd: root,
    input: stdin,
    encoding: "utf8",
    timeout: 120_000,
    env: {
      ...process.env,
      // the operator's connection: the owner of the tables, as for migrations
      DATABASE_URL: E2E_EMPTY_DATABASE_URL,
      NEXTAUTH_URL: `http://localhost:${E2E_EMPTY_PORT}`,
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
