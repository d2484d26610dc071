import "server-only";
import { randomUUID } from "node:crypto";
import { link, mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { isClusterMode, keyFilePath, type KeySetting } from "./key-paths";

/**
 * Reads a secret key file, creating it (mode 0600) with `make()` on first use. The new
 * content is written whole under a temporary name, fsynced, then hard-linked into place:
 * link fails if another process made the file first, and then that file wins, so two
 * processes starting at once never end up with different keys.
 */
async function readOrCreateKeyFile(file: string, make: () => string): Promise<string> {
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

/**
 * In cluster mode every instance must hold the same key, so an instance never makes one:
 * the setting must name a file that exists (docs/decisions/0017).
 */
async function readSharedKeyFile(setting: KeySetting, file: string): Promise<string> {
  if (!process.env[setting])
    throw new Error(
      `SEGEL_CLUSTER=1: set ${setting} to the key file every instance shares; an instance in cluster mode never makes its own key.`,
    );
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new Error(
      `SEGEL_CLUSTER=1: ${setting} names ${file}, which does not exist; provision the shared key there (README, "Several machines").`,
    );
  }
}

export interface KeySpec<T> {
  setting: KeySetting;
  /** a new key file's content, outside cluster mode only */
  make: () => string;
  /** the key from the file's text; throws when the file holds something else */
  parse: (text: string, file: string) => T;
}

const loaded = new Map<string, Promise<unknown>>();

/**
 * The one loader of the instance's key files, each read once per process (a failed read
 * is tried again next time). Outside cluster mode a missing file is made, so `npm start`
 * on a laptop needs no set-up.
 */
export function loadKey<T>(spec: KeySpec<T>): Promise<T> {
  const file = keyFilePath(spec.setting);
  const id = `${spec.setting}:${file}:${isClusterMode()}`;
  let key = loaded.get(id) as Promise<T> | undefined;
  if (!key) {
    const text = isClusterMode() ? readSharedKeyFile(spec.setting, file) : readOrCreateKeyFile(file, spec.make);
    key = text.then((t) => spec.parse(t, file));
    key.catch(() => loaded.delete(id));
    loaded.set(id, key);
  }
  return key;
}
