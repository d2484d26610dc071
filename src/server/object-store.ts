import "server-only";
import type { Readable } from "node:stream";
import { readObjectStoreSettings } from "./object-store-settings";
import { checkLocalStore, localObjectStore } from "./object-store-local";
import { checkS3Store, s3ObjectStore } from "./object-store-s3";

/**
 * Where every stored file goes: documents (`objects/<id>`) and sealed bid files
 * (`sealed/<id>`). Two backends behind one small interface (docs/decisions/0017): the
 * local disk for one machine, an S3-compatible object store shared by a cluster.
 */
export interface ObjectStore {
  /**
   * Stores the whole body under `key` and resolves only once it is durable (fsynced and
   * renamed; or the PUT / multipart upload completed). If the body throws, nothing is
   * left under `key` nor in any temporary place, and the error is rethrown as it was.
   */
  put(key: string, body: AsyncIterable<Uint8Array>): Promise<void>;
  /** The stored bytes; a missing object fails the stream. */
  get(key: string): Readable;
  /** Idempotent: removing what is not there is fine. */
  remove(key: string): Promise<void>;
  /** Bytes stored, or null when there is no such object. */
  size(key: string): Promise<number | null>;
  /** The keys stored in one area (`staging-uploads` for `staging-uploads/<id>`), in no set order. */
  list(area: string): Promise<string[]>;
}

/** The store the settings name (read on each call: a test may move SEGEL_FILE_STORE). */
export function objectStore(): ObjectStore {
  const settings = readObjectStoreSettings();
  return settings.kind === "s3" ? s3ObjectStore(settings) : localObjectStore(settings.root);
}

/**
 * A cheap look that the store the settings name answers (/api/health): the local store can
 * write a byte in its folder; the S3 bucket answers HeadBucket. Throws when it does not.
 */
export async function checkObjectStore(): Promise<{ kind: "local" | "s3" }> {
  const settings = readObjectStoreSettings();
  if (settings.kind === "s3") await checkS3Store(settings);
  else await checkLocalStore(settings.root);
  return { kind: settings.kind };
}
