import "server-only";
import { randomUUID } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import path from "node:path";

/** fsync a file or a folder (a folder's fsync makes a rename inside it durable). */
export async function fsyncPath(target: string): Promise<void> {
  const handle = await open(target, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `final` whole or not at all: `write` fills a temporary file in the same folder
 * (a dot name, which no reader of the backup takes for a file of its own), then fsync,
 * rename. The caller fsyncs the folder once it has renamed all it wanted.
 */
export async function replaceDurably(final: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = path.join(path.dirname(final), `.tmp-${randomUUID()}`);
  try {
    await write(tmp);
    await fsyncPath(tmp);
    await rename(tmp, final);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** A small file, written durably (its folder fsynced too). */
export async function writeFileDurably(final: string, data: string | Uint8Array): Promise<void> {
  await replaceDurably(final, async (tmp) => {
    const handle = await open(tmp, "wx", 0o600);
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
  });
  await fsyncPath(path.dirname(final));
}
