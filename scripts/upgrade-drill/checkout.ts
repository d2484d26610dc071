// A release checked out beside this one (a git worktree under /tmp, one for each side of
// the upgrade, reused by the next drill), installed and built as a deployment would:
// npm ci, then next build with the action key every release shares.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(command, args, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
const readOr = (file: string, fallback: string) => (existsSync(file) ? readFileSync(file, "utf8") : fallback);

export function resolveCommit(repo: string, ref: string): string {
  return execFileSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], { cwd: repo, encoding: "utf8" }).trim();
}

/** `commit` in /tmp/segel-drill-<side>, installed when its lockfile changed, built when its commit or key did. */
export function prepareCheckout(
  repo: string,
  side: "from" | "to",
  commit: string,
  actionKey: string,
  say: (line: string) => void,
): string {
  const dir = `/tmp/segel-drill-${side}`;
  if (!existsSync(path.join(dir, ".git"))) {
    say(`git worktree add ${dir} (${commit.slice(0, 7)})`);
    run("git", ["worktree", "add", "--detach", "--force", dir, commit], repo);
  } else if (resolveCommit(dir, "HEAD") !== commit) {
    say(`${dir}: checking out ${commit.slice(0, 7)}`);
    run("git", ["checkout", "--detach", "--force", commit], dir);
  }
  const lockHash = createHash("sha256")
    .update(readFileSync(path.join(dir, "package-lock.json")))
    .digest("hex");
  const installed = path.join(dir, "node_modules", ".segel-drill-lock");
  if (readOr(installed, "") !== lockHash) {
    say(`npm ci in ${dir} ...`);
    run("npm", ["ci", "--no-audit", "--no-fund"], dir);
    writeFileSync(installed, lockHash);
  }
  const built = path.join(dir, ".next", "segel-drill-build");
  if (readOr(built, "") !== `${commit}\n${actionKey}`) {
    say(`next build in ${dir} (a minute or more) ...`);
    // the build reads no database; it needs the settings present. The action key is
    // shared by every release so that an action id an old page holds still resolves.
    run(path.join(dir, "node_modules", ".bin", "next"), ["build"], dir, {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "postgresql://build:build@127.0.0.1:9/build",
      NEXTAUTH_SECRET: "build-only-not-a-secret-0123456789",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionKey,
    });
    writeFileSync(built, `${commit}\n${actionKey}`);
  }
  return dir;
}

export const hasHealthEndpoint = (dir: string) => existsSync(path.join(dir, "src/app/api/health/route.ts"));
