import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/server/db";

/**
 * Every stored file a restored database refers to must be in the file-store backup with
 * the hash the database recorded: a Document's `sha256` (the bytes as uploaded, which the
 * store keeps as they are: src/server/storage.ts), a BidFile's `ciphertextSha256` (the
 * stored ciphertext, padding included: bids' sealed-file-store.ts) and the LPSE logo's
 * `logoSha256` (its bytes, kept under objects/ like a document). The copies are hashed
 * as they are in the backup: what a restore would put back.
 */
export interface FileCheck {
  files: number;
  bytes: number;
  /** the first file missing or different, in plain words */
  problem: string | null;
}

const BATCH = 1000;

/** The copy of `<area>/<id>` under `root`: a backup's files/ (area/id) or a local store (area/xx/id). */
async function locate(root: string, area: string, id: string): Promise<string | null> {
  for (const candidate of [path.join(root, area, id), path.join(root, area, id.slice(0, 2), id)]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

/** A file's SHA-256 and size, read once as a stream. */
export async function sha256Of(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), size };
}

type Row = { key: string; sha256: string };

/** Rows in id order, a batch at a time: every document, every sealed bid file, the logo. */
async function* referencedFiles(client: Db): AsyncGenerator<Row> {
  for (let after: string | undefined; ;) {
    const docs = await client.document.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, storageKey: true, sha256: true },
    });
    for (const d of docs) yield { key: `objects/${d.storageKey}`, sha256: d.sha256 };
    if (docs.length < BATCH) break;
    after = docs[docs.length - 1]!.id;
  }
  for (let after: string | undefined; ;) {
    const files = await client.bidFile.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, storageKey: true, ciphertextSha256: true },
    });
    for (const f of files) yield { key: `sealed/${f.storageKey}`, sha256: f.ciphertextSha256 };
    if (files.length < BATCH) break;
    after = files[files.length - 1]!.id;
  }
  const logos = await client.lpseInstance.findMany({ select: { logoStorageKey: true, logoSha256: true } });
  for (const l of logos)
    if (l.logoStorageKey && l.logoSha256) yield { key: `objects/${l.logoStorageKey}`, sha256: l.logoSha256 };
}

export async function verifyFiles(client: Db, filesRoot: string): Promise<FileCheck> {
  const result: FileCheck = { files: 0, bytes: 0, problem: null };
  for await (const row of referencedFiles(client)) {
    const [area, id] = row.key.split("/") as [string, string];
    const copy = await locate(filesRoot, area, id);
    if (!copy) {
      result.problem = `file ${row.key}: missing from ${filesRoot}`;
      return result;
    }
    const got = await sha256Of(copy);
    if (got.sha256 !== row.sha256) {
      result.problem = `file ${row.key}: sha256 differs (the database says ${row.sha256}, the copy is ${got.sha256})`;
      return result;
    }
    result.files += 1;
    result.bytes += got.size;
  }
  return result;
}
