// A release checked out beside this one (git worktree under /tmp), installed and built as
// a deployment would: npm ci, then next build with the action key every release shares.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(command, args, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });

export function resolveCommit(repo: string, ref: string): string {
  return execFileSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], { cwd: repo, encoding: "utf8" }).trim();
}

/** Checks out `commit` into /tmp/segel-drill-<commit> (reused when already there), installs and builds it. */
export function prepareCheckout(repo: string, commit: string, actionKey: string, say: (line: string) => void): string {
  const dir = `/tmp/segel-drill-${commit.slice(0, 12)}`;
  if (!existsSync(path.join(dir, ".git"))) {
    say(`git worktree add ${dir} (${commit.slice(0, 7)})`);
    run("git", ["worktree", "add", "--detach", "--force", dir, commit], repo);
  }
  if (!existsSync(path.join(dir, "node_modules", ".bin", "tsx"))) {
    say(`npm ci in ${dir} ...`);
    run("npm", ["ci", "--no-audit", "--no-fund"], dir);
  }
  const marker = path.join(dir, ".next", "segel-drill-build");
  if (!existsSync(marker) || readFileSync(marker, "utf8") !== actionKey) {
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
    writeFileSync(marker, actionKey);
  }
  return dir;
}

export const hasHealthEndpoint = (dir: string) => existsSync(path.join(dir, "src/app/api/health/route.ts"));
