import { randomBytes, randomUUID } from "node:crypto";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { readObjectStoreSettings, s3ClientConfig } from "@/server/object-store-settings";
import { startS3Server, type TestS3Server } from "@/tests/setup/s3-server";
import { requestScope } from "@/tests/setup/next-request-scope";
import { bidPdf, makeBidder, makeSealedBidTender } from "@/tests/factories";
import {
  create,
  cutAfter,
  openAfterDeadline,
  patch,
  refusal,
  send,
  signIn,
  startUpload,
  willSend,
} from "../../testing/tus-requests";
import { submitBid } from "../submit-bid";
import { newStagingKey } from "../../upload-protocol";

// Next's request scope stands in for the route (tests/setup/next-request-scope.ts).
vi.mock("next/headers", async () => (await import("@/tests/setup/next-request-scope")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/tests/setup/next-request-scope")).nextIntlServer);

beforeEach(() => {
  requestScope.locale = "id";
});

describe("staging in an S3-protocol bucket (SEGEL_OBJECT_STORE=s3)", () => {
  // A fresh bucket on a real S3-protocol server (s3rver) for each test, as each test has its own folder.
  let s3: TestS3Server;
  const saved = new Map<string, string | undefined>();
  beforeEach(async () => {
    s3 = await startS3Server();
    for (const [name, value] of Object.entries(s3.env)) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
  });
  afterEach(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    saved.clear();
    await s3.stop();
  });

  /** A client of the test's own, as anyone holding the bucket's keys has. */
  function bucketClient(): S3Client {
    const settings = readObjectStoreSettings(s3.env);
    if (settings.kind !== "s3") throw new Error("expected S3 settings");
    return new S3Client(s3ClientConfig(settings));
  }
  async function putObject(Key: string, Body: Buffer) {
    const client = bucketClient();
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key, Body }));
    client.destroy();
  }
  /** Every object in the bucket with its bytes. */
  async function bucket(): Promise<{ key: string; bytes: Buffer }[]> {
    const client = bucketClient();
    try {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
      return await Promise.all(
        (listed.Contents ?? []).map(async ({ Key }) => ({
          key: Key!,
          bytes: Buffer.from(
            await (await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key }))).Body!.transformToByteArray(),
          ),
        })),
      );
    } finally {
      client.destroy();
    }
  }
  const stagedObjects = async (location: string) =>
    (await bucket()).filter((o) => o.key.startsWith("staging-") && o.key.includes(location.split("/").pop()!));

  it("resumes a PATCH cut mid-way from what the bucket holds, keeps only ciphertext there, and seals into the bucket a file the Pokja opens", async () => {
    const { tender, members } = await makeSealedBidTender();
    const { user, actor } = await makeBidder(tender.id);
    await signIn(user);
    const content = bidPdf("PENAWARAN-RAHASIA-S3", 300_000);
    willSend(content);
    const key = newStagingKey();
    const location = (await create(tender.id, content.length, key)).headers.get("location")!;
    expect((await patch(location, key, 0, content.subarray(0, 100_003))).status).toBe(204);

    // the line drops mid-PATCH: HEAD names what the bucket holds, never more
    await patch(location, key, 100_003, cutAfter(content.subarray(100_003, 150_001)));
    const offset = Number((await send("HEAD", location, {})).headers.get("upload-offset"));
    expect(offset).toBeGreaterThanOrEqual(100_003);
    expect(offset).toBeLessThanOrEqual(150_001);
    const staged = await stagedObjects(location);
    const chunks = staged.filter((o) => o.key.startsWith("staging-chunks/"));
    expect(chunks.reduce((sum, o) => sum + o.bytes.length, 0)).toBe(offset);
    expect(staged.filter((o) => o.key.startsWith("staging-uploads/"))).toHaveLength(1);
    for (const { key: name, bytes } of staged) {
      for (const clear of ["PENAWARAN-RAHASIA-S3", "%PDF", "surat penawaran"])
        expect(bytes.includes(Buffer.from(clear)), name).toBe(false);
      expect(bytes.includes(Buffer.from(key)), name).toBe(false);
    }

    const last = await patch(location, key, offset, content.subarray(offset));
    expect(last.status).toBe(200);
    const reply = (await last.json()) as { data: { id: string; commitment: string } };
    expect(await stagedObjects(location)).toEqual([]);
    const row = await db.bidFile.findUniqueOrThrow({ where: { id: reply.data.id } });
    expect((await bucket()).map((o) => o.key)).toContain(`sealed/${row.storageKey}`);

    await submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 987_654_321n,
      files: [{ id: reply.data.id }],
      idempotencyKey: randomUUID(),
    });
    const opened = await openAfterDeadline(tender.id, members, row.id);
    expect(opened.content.equals(content)).toBe(true);
  });

  it("overwrites a chunk that an instance stored but died before recording, so the file is what the vendor sent", async () => {
    const { content, key, location } = await startUpload("SETELAH-MATI", 90_000);
    expect((await patch(location, key, 0, content.subarray(0, 30_000))).status).toBe(204);
    // the second chunk reached the bucket, the record never named it (the process was killed between the two)
    await putObject(`staging-chunks/${location.split("/").pop()}.1`, randomBytes(20_000));
    expect((await send("HEAD", location, {})).headers.get("upload-offset")).toBe("30000");

    expect((await patch(location, key, 30_000, content.subarray(30_000))).status).toBe(200);
    expect(await stagedObjects(location)).toEqual([]);
  });

  it("refuses to seal a file whose staged chunk was altered in the bucket, and seals nothing", async () => {
    const { content, key, location } = await startUpload("HARGA-ASLI", 70_000);
    expect((await patch(location, key, 0, content.subarray(0, 40_000))).status).toBe(204);
    // someone with the bucket's keys flips a bit of the staged chunk (CTR flips the same bit of the plaintext)
    const chunk = (await stagedObjects(location)).find((o) => o.key.startsWith("staging-chunks/"))!;
    chunk.bytes[30_000]! ^= 0x01;
    await putObject(chunk.key, chunk.bytes);

    const refused = await refusal(await patch(location, key, 40_000, content.subarray(40_000)));
    expect(refused).toMatchObject({ status: 422, code: "VALIDATION" });
    expect(await db.bidFile.count()).toBe(0);
    expect((await bucket()).map((o) => o.key)).toEqual([]);
  });

  it("the worker removes every object of an unfinished upload once its tender's deadline has passed, and keeps one still open", async () => {
    const { removeExpiredUploads } = await import("./remove-expired-uploads");
    const closing = await makeSealedBidTender();
    const open = await makeSealedBidTender();
    const a = await makeBidder(closing.tender.id);
    const b = await makeBidder(open.tender.id);
    await signIn(a.user);
    const keyA = newStagingKey();
    const gone = (await create(closing.tender.id, 200_000, keyA)).headers.get("location")!;
    const half = bidPdf("setengah", 100_000);
    expect((await patch(gone, keyA, 0, half.subarray(0, 30_000))).status).toBe(204);
    expect((await patch(gone, keyA, 30_000, half.subarray(30_000, 50_000))).status).toBe(204);
    await signIn(b.user);
    const kept = (await create(open.tender.id, 200_000, newStagingKey())).headers.get("location")!;
    expect(await removeExpiredUploads()).toBe(0);
    expect((await stagedObjects(gone)).map((o) => o.key).sort()).toEqual([
      `staging-chunks/${gone.split("/").pop()}.0`,
      `staging-chunks/${gone.split("/").pop()}.1`,
      `staging-uploads/${gone.split("/").pop()}`,
    ]);

    await db.$executeRaw`UPDATE "TenderStage" SET "endsAt" = date_trunc('milliseconds', clock_timestamp()) - interval '1 millisecond' WHERE "tenderId" = ${closing.tender.id}::uuid AND kind = 'UPLOAD_PENAWARAN'`;
    expect(await removeExpiredUploads()).toBe(1);
    expect(await stagedObjects(gone)).toEqual([]);
    expect((await stagedObjects(kept)).map((o) => o.key)).toEqual([`staging-uploads/${kept.split("/").pop()}`]);
    await signIn(a.user);
    expect((await refusal(await send("HEAD", gone, {}))).status).toBe(404);
  });
});
