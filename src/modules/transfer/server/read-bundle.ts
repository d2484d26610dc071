import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as tar from "tar";
import { AppError } from "@/server/errors";
import { DATA_ENTRY, FILES_PREFIX, MANIFEST_ENTRY, SIGNATURE_ENTRY } from "../domain/bundle-format";

/**
 * Limits on what an uploaded bundle may unpack to (configuration, not law): enough for a
 * tender with hundreds of bids of several files each, small enough that a hostile tar
 * cannot fill the disk. SEGEL_IMPORT_MAX_ENTRIES (default 20 000 entries) and
 * SEGEL_IMPORT_MAX_BYTES (default 20 GiB, the sum of every entry's size).
 */
export interface BundleLimits {
  maxEntries: number;
  maxBytes: number;
}

export function readBundleLimits(env: NodeJS.ProcessEnv = process.env): BundleLimits {
  const positive = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
    return n;
  };
  return {
    maxEntries: positive("SEGEL_IMPORT_MAX_ENTRIES", 20_000),
    maxBytes: positive("SEGEL_IMPORT_MAX_BYTES", 20 * 1024 ** 3),
  };
}

/** An entry as unpacked: its size and SHA-256 measured from the bytes on disk. */
export interface UnpackedEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface UnpackedBundle {
  /** the fresh folder the entries were written into; remove it with `discardBundle` */
  dir: string;
  entries: Map<string, UnpackedEntry>;
}

const refuse = (messageKey: string, values: Record<string, string | number> = {}) =>
  new AppError("VALIDATION", `tenderImport.${messageKey}`, values);

/** The only names the format has: the two manifest entries, data.json and files/<sha256>. */
const NAMED_BY_FORMAT = /^(manifest\.json|manifest\.sig|data\.json|files\/[0-9a-f]{64})$/;

/**
 * Unpacks the bundle into a new temporary folder, refusing (AppError VALIDATION, the
 * folder removed) any entry that is not a regular file, has an absolute path or "..",
 * is a link, repeats, is not named by the format, or goes past the limits. The check runs
 * on each header before its bytes are written, so nothing escapes the folder even for an
 * instant. Sizes and hashes are measured afterwards from the files themselves.
 */
export async function unpackBundle(bundlePath: string, limits = readBundleLimits()): Promise<UnpackedBundle> {
  await assertPlainTar(bundlePath);
  const dir = await mkdtemp(path.join(os.tmpdir(), "segel-import-"));
  let problem: AppError | null = null;
  const seen = new Set<string>();
  let total = 0;
  const reject = (error: AppError) => {
    problem ??= error;
    return false;
  };
  try {
    await tar.x({
      file: bundlePath,
      cwd: dir,
      strict: true,
      preservePaths: false,
      noChmod: true,
      filter: (entryPath, entry) => {
        if (problem) return false;
        const e = entry as tar.ReadEntry;
        const name = e.path ?? entryPath;
        if (path.isAbsolute(name) || /^[A-Za-z]:/.test(name) || name.startsWith("\\"))
          return reject(refuse("absolutePath", { entry: name }));
        if (name.split(/[\\/]/).includes("..")) return reject(refuse("pathEscapes", { entry: name }));
        if (e.type !== "File" && e.type !== "OldFile" && e.type !== "ContiguousFile")
          return reject(refuse("notRegularFile", { entry: name, type: String(e.type) }));
        if (!NAMED_BY_FORMAT.test(name)) return reject(refuse("unknownEntry", { entry: name }));
        if (seen.has(name)) return reject(refuse("duplicateEntry", { entry: name }));
        seen.add(name);
        if (seen.size > limits.maxEntries) return reject(refuse("tooManyEntries", { max: limits.maxEntries }));
        total += e.size ?? 0;
        if (total > limits.maxBytes) return reject(refuse("tooLarge", { max: limits.maxBytes }));
        return true;
      },
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (problem) throw problem;
    throw refuse("notATar", { reason: error instanceof Error ? error.message : String(error) });
  }
  if (problem) {
    await rm(dir, { recursive: true, force: true });
    throw problem;
  }
  const entries = new Map<string, UnpackedEntry>();
  for (const name of seen) entries.set(name, { path: name, ...(await measure(path.join(dir, name))) });
  return { dir, entries };
}

/**
 * The format is an uncompressed tar: node-tar would unpack gzip (and others) by itself, and
 * a few kilobytes may then expand to gigabytes before the size limit is reached. The first
 * header must carry the ustar magic at offset 257.
 */
async function assertPlainTar(bundlePath: string): Promise<void> {
  const file = await open(bundlePath, "r");
  try {
    const header = Buffer.alloc(512);
    const { bytesRead } = await file.read(header, 0, 512, 0);
    if (bytesRead >= 2 && header[0] === 0x1f && header[1] === 0x8b) throw refuse("compressed");
    if (bytesRead < 512 || header.subarray(257, 262).toString("latin1") !== "ustar")
      throw refuse("notATar", { reason: "no ustar header" });
  } finally {
    await file.close();
  }
}

async function measure(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest("hex") };
}

export const discardBundle = (bundle: Pick<UnpackedBundle, "dir">) => rm(bundle.dir, { recursive: true, force: true });

export const entryFile = (bundle: UnpackedBundle, entry: string) => path.join(bundle.dir, entry);

export { MANIFEST_ENTRY, SIGNATURE_ENTRY, DATA_ENTRY, FILES_PREFIX };
