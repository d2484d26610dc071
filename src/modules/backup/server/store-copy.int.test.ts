import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, truncate, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { objectStore } from "@/server/object-store";
import { filesDir, storeObjectPath } from "../domain/layout";
import { copyNewStoreObjects, copyStoreObject } from "./store-copy";

// The file store of each test is its own (tests/setup/integration-worker.ts); the backup root too.

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
async function* body(bytes: Buffer) {
  yield bytes;
}

describe("the file store's copy in the backup", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "segel-store-copy-"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("copies an object once, durably, with its size and hash, and keeps the recorded hash after", async () => {
    const key = `sealed/${randomUUID()}`;
    const bytes = randomBytes(300_000);
    await objectStore().put(key, body(bytes));
    const first = await copyStoreObject(root, key);
    expect(first).toEqual({ path: key, size: bytes.length, sha256: sha(bytes) });
    expect(sha(await readFile(storeObjectPath(root, key)))).toBe(sha(bytes));
    // no temp file left beside it; only the copy and its hash sidecar
    expect((await readdir(path.join(filesDir(root), "sealed"))).sort()).toEqual(
      [path.basename(key), `.${path.basename(key)}.sha256`].sort(),
    );
    // a copy of the right size is not read again: its recorded hash is what the manifest gets
    // (so a copy damaged later shows as a mismatch in the drill, not as a new hash)
    const copy = storeObjectPath(root, key);
    const damaged = Buffer.from(bytes);
    damaged[10] = damaged[10]! ^ 0xff;
    await writeFile(copy, damaged);
    expect(await copyStoreObject(root, key)).toEqual(first);
  });

  it("copies again a copy cut short, and rebuilds a lost hash sidecar from the copy", async () => {
    const key = `objects/${randomUUID()}`;
    const bytes = randomBytes(50_000);
    await objectStore().put(key, body(bytes));
    await copyStoreObject(root, key);
    const copy = storeObjectPath(root, key);
    await truncate(copy, 100);
    expect(await copyStoreObject(root, key)).toEqual({ path: key, size: bytes.length, sha256: sha(bytes) });
    expect((await readFile(copy)).equals(bytes)).toBe(true);
    await rm(path.join(path.dirname(copy), `.${path.basename(copy)}.sha256`));
    expect((await copyStoreObject(root, key)).sha256).toBe(sha(bytes));
    expect(existsSync(path.join(path.dirname(copy), `.${path.basename(copy)}.sha256`))).toBe(true);
  });

  it("names an object missing from the store, and refuses a key that is not a store key", async () => {
    await expect(copyStoreObject(root, `sealed/${randomUUID()}`)).rejects.toThrow(/missing from the file store/);
    await expect(copyStoreObject(root, "sealed/../../etc/passwd")).rejects.toThrow(/not a store key/);
  });

  it("copies what is new in the durable areas only, lists every copy, and clears a crash's old temp file", async () => {
    const doc = `objects/${randomUUID()}`;
    const sealed = `sealed/${randomUUID()}`;
    await objectStore().put(doc, body(Buffer.from("dokumen")));
    await objectStore().put("staging-uploads/abc", body(Buffer.from("in flight")));
    await copyStoreObject(root, doc);
    await objectStore().put(sealed, body(Buffer.from("penawaran")));
    const stale = path.join(filesDir(root), "objects", ".tmp-left-by-a-crash");
    await writeFile(stale, "half");
    const anHourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(stale, anHourAgo, anHourAgo);

    const result = await copyNewStoreObjects(root);
    expect(result.copied).toBe(1);
    expect(result.bytes).toBe("penawaran".length);
    expect(result.objects.map((o) => o.path).sort()).toEqual([doc, sealed].sort());
    expect(existsSync(path.join(filesDir(root), "staging-uploads"))).toBe(false);
    expect(existsSync(stale)).toBe(false);
    expect((await copyNewStoreObjects(root)).copied).toBe(0);
  });
});
