import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startS3Server, type TestS3Server } from "@/tests/setup/s3-server";
import { AppError } from "./errors";
import { objectStore, type ObjectStore } from "./object-store";
import { localObjectStore } from "./object-store-local";
import { s3ObjectStore } from "./object-store-s3";
import { readObjectStoreSettings, s3ClientConfig } from "./object-store-settings";
import { openStored, storeStream } from "./storage";

let s3: TestS3Server;
beforeAll(async () => (s3 = await startS3Server()));
afterAll(() => s3.stop());

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** A body that sends `good` bytes in 1 MiB chunks and then breaks, as a dropped upload does. */
async function* cutOff(good: number) {
  for (let sent = 0; sent < good; sent += 1 << 20) yield randomBytes(Math.min(1 << 20, good - sent));
  throw new Error("connection reset");
}

async function* chunksOf(data: Buffer) {
  for (let at = 0; at < data.length; at += 1 << 20) yield data.subarray(at, at + (1 << 20));
}

const s3Settings = () => {
  const settings = readObjectStoreSettings(s3.env);
  if (settings.kind !== "s3") throw new Error("expected S3 settings");
  return settings;
};

/**
 * Every object in the bucket, listed and on s3rver's disk: what a failed put must not leave.
 * Parts of an unfinished multipart upload are not counted: lib-storage sends
 * AbortMultipartUpload, which s3rver does not implement (MinIO and S3 do; the bucket's
 * lifecycle rule is the backstop, docs/decisions/0017).
 */
async function bucketLeftovers(): Promise<string[]> {
  const client = new S3Client(s3ClientConfig(s3Settings()));
  const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
  client.destroy();
  const uploads = path.join(s3.directory, s3.bucket);
  const stray = existsSync(uploads)
    ? readdirSync(uploads, { recursive: true })
        .map(String)
        .filter((f) => !f.startsWith("."))
    : [];
  return [...(listed.Contents ?? []).map((o) => o.Key!), ...stray];
}

/** Each backend, as two instances would hold it: two separate clients of one store. */
const backends: {
  name: string;
  env: () => Record<string, string>;
  instances: () => [ObjectStore, ObjectStore];
  leftovers: () => Promise<string[]>;
}[] = [
  {
    name: "local",
    env: () => ({ SEGEL_OBJECT_STORE: "local" }),
    instances: () => [localObjectStore(process.env.SEGEL_FILE_STORE!), localObjectStore(process.env.SEGEL_FILE_STORE!)],
    leftovers: async () =>
      readdirSync(process.env.SEGEL_FILE_STORE!, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && !e.name.endsWith(".pem") && !e.name.endsWith(".key"))
        .map((e) => e.name),
  },
  {
    name: "s3",
    env: () => s3.env,
    instances: () => [
      s3ObjectStore(s3Settings(), new S3Client(s3ClientConfig(s3Settings()))),
      s3ObjectStore(s3Settings(), new S3Client(s3ClientConfig(s3Settings()))),
    ],
    leftovers: bucketLeftovers,
  },
];

describe.each(backends)("the $name object store", (backend) => {
  beforeEach(() => {
    for (const [name, value] of Object.entries(backend.env())) vi.stubEnv(name, value);
    return () => vi.unstubAllEnvs();
  });

  it("stores a file that another instance reads back whole, sizes it, and removes it (twice is fine)", async () => {
    const [one, other] = backend.instances();
    const key = `objects/${randomUUID()}`;
    const data = randomBytes(300_000);
    await one.put(key, chunksOf(data));
    expect(await other.size(key)).toBe(data.length);
    expect((await readAll(other.get(key))).equals(data)).toBe(true);
    await other.remove(key);
    await one.remove(key);
    expect(await one.size(key)).toBeNull();
    await expect(readAll(one.get(key))).rejects.toThrow();
  });

  it("lists the keys of one area, as another instance stored them, and none of another area", async () => {
    const [one, other] = backend.instances();
    const ids = [randomUUID(), `${randomUUID()}.1`];
    for (const id of ids) await one.put(`staging-chunks/${id}`, chunksOf(randomBytes(10)));
    await one.put(`staging-uploads/${ids[0]}`, chunksOf(randomBytes(10)));
    expect((await other.list("staging-chunks")).sort()).toEqual(ids.map((id) => `staging-chunks/${id}`).sort());
    expect(await other.list("staging-uploads")).toEqual([`staging-uploads/${ids[0]}`]);
    expect(await other.list("objects")).toEqual([]);
    // the bucket outlives the test
    for (const key of [...(await one.list("staging-chunks")), ...(await one.list("staging-uploads"))])
      await one.remove(key);
  });

  it("streams a file larger than one upload part (11 MiB) and reads it back whole", async () => {
    const [one, other] = backend.instances();
    const key = `sealed/${randomUUID()}`;
    const data = randomBytes(11 * 1024 * 1024);
    await one.put(key, chunksOf(data));
    expect((await readAll(other.get(key))).equals(data)).toBe(true);
    await one.remove(key);
  });

  it.each([
    ["within the first part", 2 * 1024 * 1024],
    ["after a whole part was sent", 7 * 1024 * 1024],
  ])("leaves nothing, not even a temporary file or an unfinished upload, when the body breaks %s", async (_, good) => {
    const [one] = backend.instances();
    const key = `sealed/${randomUUID()}`;
    await expect(one.put(key, cutOff(good))).rejects.toThrow("connection reset");
    expect(await one.size(key)).toBeNull();
    expect(await backend.leftovers()).toEqual([]);
  });

  it("refuses a document over the size limit with a message, and keeps nothing", async () => {
    const tooLarge = storeStream(Readable.from(chunksOf(randomBytes(3 * 1024 * 1024))), 2 * 1024 * 1024);
    await expect(tooLarge).rejects.toMatchObject(new AppError("VALIDATION", "fileTooLarge", { maxMb: 2 }));
    expect(await backend.leftovers()).toEqual([]);
  });

  it("stores a document through the configured store and serves it back", async () => {
    const data = randomBytes(50_000);
    const stored = await storeStream(Readable.from([data]), 1024 * 1024);
    expect(stored.sizeBytes).toBe(data.length);
    expect(await objectStore().size(`objects/${stored.storageKey}`)).toBe(data.length);
    expect((await readAll(openStored(stored.storageKey))).equals(data)).toBe(true);
  });
});
