import "server-only";
import path from "node:path";
import type { Readable } from "node:stream";
import { FileStore } from "@tus/file-store";
import type { DataStore, Upload } from "@tus/utils";
import { objectStore } from "@/server/object-store";
import { readObjectStoreSettings } from "@/server/object-store-settings";
import { databaseUrl } from "@/server/env";
import { ChunkedUploadStore, type StagedUploadInfo } from "./chunked-upload-store";
import { PgLocker } from "./pg-locker";

/**
 * Where uploads in flight are staged: beside the other stored files, so every instance
 * sees the same staging area (the shared SEGEL_FILE_STORE through @tus/file-store, or the
 * S3 bucket of SEGEL_OBJECT_STORE=s3 through the object store, chunked-upload-store.ts).
 * Only ciphertext under the browser's staging key is written here (staging-cipher.ts), and
 * the metadata is the tender, the part, the vendor and the key's check value: never the
 * file's name.
 */
export const STAGING_TTL_MS = 24 * 60 * 60 * 1000;

export interface StagingStore {
  datastore: DataStore;
  read(id: string): Promise<Readable>;
  /** every staged upload, for the worker's clean-up */
  list(): Promise<StagedUploadInfo[]>;
}

const stores = new Map<string, StagingStore>();

function fileStaging(root: string): StagingStore {
  const datastore = new FileStore({
    directory: path.join(root, "staging"),
    expirationPeriodInMilliseconds: STAGING_TTL_MS,
  });
  return {
    datastore,
    read: async (id) => datastore.read(id),
    async list() {
      // No staging folder yet (nobody has uploaded since the install): nothing is staged.
      const ids =
        (await datastore.configstore.list?.().catch((error: NodeJS.ErrnoException) => {
          if (error.code === "ENOENT") return [];
          throw error;
        })) ?? [];
      const uploads = await Promise.all(ids.map((id) => datastore.configstore.get(id).catch(() => undefined)));
      return uploads.filter((u): u is Upload => Boolean(u));
    },
  };
}

function objectStaging(): StagingStore {
  const datastore = new ChunkedUploadStore(objectStore(), STAGING_TTL_MS);
  return { datastore, read: (id) => datastore.read(id), list: () => datastore.list() };
}

/** The staging store the settings name (looked up per call: a test moves SEGEL_FILE_STORE). */
export function stagingStore(): StagingStore {
  const settings = readObjectStoreSettings();
  const id = JSON.stringify(settings);
  let store = stores.get(id);
  if (!store) {
    store = settings.kind === "s3" ? objectStaging() : fileStaging(settings.root);
    stores.set(id, store);
  }
  return store;
}

const lockers = new Map<string, PgLocker>();

/** One locker (one locking session) per process and database. */
export function uploadLocker(): PgLocker {
  const url = databaseUrl();
  let locker = lockers.get(url);
  if (!locker) {
    locker = new PgLocker(url);
    lockers.set(url, locker);
  }
  return locker;
}
