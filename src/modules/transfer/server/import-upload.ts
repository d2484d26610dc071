import "server-only";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebStream } from "node:stream/web";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { importTender, type ImportTenderResult } from "./import-tender";
import { readBundleLimits } from "./read-bundle";

/** The agencies a tender may be imported into: every agency of this instance. */
export async function listImportAgencies(actor: Actor) {
  if (!can(actor, "tender.transfer")) return [];
  return db.agency.findMany({ orderBy: { name: "asc" }, select: { id: true, code: true, name: true } });
}

/**
 * An uploaded bundle, streamed to a temporary file (bundles are far larger than a server
 * action's 1 MB), bounded by SEGEL_IMPORT_MAX_BYTES plus the tar's own headers, then
 * imported. ADMIN_LPSE only, checked before a byte is stored.
 */
export async function importUploadedBundle(
  actor: Actor,
  body: WebStream<Uint8Array> | null,
  input: { agencyId: string; expectedFingerprint: string },
): Promise<ImportTenderResult> {
  if (!can(actor, "tender.transfer")) throw new AppError("FORBIDDEN");
  if (!body) throw new AppError("VALIDATION", "tenderImport.notATar", { reason: "empty" });
  const limits = readBundleLimits();
  // every entry has a 512-byte header and up to 511 bytes of padding
  const maxUpload = limits.maxBytes + limits.maxEntries * 1024 + 1024 * 1024;
  const dir = await mkdtemp(path.join(os.tmpdir(), "segel-upload-"));
  const file = path.join(dir, "bundle.tar");
  try {
    let size = 0;
    const bounded = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxUpload) done(new AppError("VALIDATION", "tenderImport.tooLarge", { max: limits.maxBytes }));
        else done(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(body), bounded, createWriteStream(file, { flags: "wx", mode: 0o600 }));
    return await importTender(actor, { bundlePath: file, ...input });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
