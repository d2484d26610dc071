import "server-only";
import { randomUUID } from "node:crypto";
import { link, mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Reads a secret key file, creating it (mode 0600) with `make()` on first use. The new
 * content is written whole under a temporary name, fsynced, then hard-linked into place:
 * link fails if another process made the file first, and then that file wins, so two
 * processes starting at once never end up with different keys.
 */
export async function readOrCreateKeyFile(file: string, make: () => string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${randomUUID()}.tmp`;
  const handle = await open(tmp, "wx", 0o600);
  try {
    await handle.writeFile(make());
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await rm(tmp, { force: true });
  }
  return readFile(file, "utf8");
}
