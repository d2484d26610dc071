import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { OpeningRecord } from "../domain/opening-record";
import { approveOpening } from "./opening/approve-opening";
import { passDeadline } from "../testing/opening.fixture";
import { bidPdf, makeBidder, makeSealedBidTender, stageBidFile } from "@/tests/factories";
import { startS3Server, type TestS3Server } from "@/tests/setup/s3-server";
import { db } from "@/server/db";
import { readObjectStoreSettings, s3ClientConfig } from "@/server/object-store-settings";
import { submitBid } from "./submit-bid";

/**
 * A bid's whole path with SEGEL_OBJECT_STORE=s3 against a real S3-protocol server: the
 * sealed files go to the bucket only, a second instance (nothing on its own disk) proves
 * and submits them, the opening decrypts them from the bucket, and an object altered in
 * the bucket is caught at the read-back, before the receipt and again at the opening.
 */
let s3: TestS3Server;
let bucket: S3Client;
beforeAll(async () => {
  s3 = await startS3Server();
  const settings = readObjectStoreSettings(s3.env);
  if (settings.kind !== "s3") throw new Error("expected S3 settings");
  bucket = new S3Client(s3ClientConfig(settings));
});
afterAll(async () => {
  bucket.destroy();
  await s3.stop();
});
beforeEach(() => {
  for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
  return () => vi.unstubAllEnvs();
});

async function objectBytes(storageKey: string): Promise<Buffer> {
  const answer = await bucket.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `sealed/${storageKey}` }));
  return Buffer.from(await answer.Body!.transformToByteArray());
}

/** An intruder with write access to the bucket flips one byte of a sealed file. */
async function tamper(storageKey: string) {
  const bytes = await objectBytes(storageKey);
  bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x01;
  await bucket.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `sealed/${storageKey}`, Body: bytes }));
}

/** Another instance: another machine's disk, which holds none of the files. */
const otherDisks: string[] = [];
function onAnotherInstance() {
  otherDisks.push(mkdtempSync(path.join(os.tmpdir(), "segel-other-instance-")));
  vi.stubEnv("SEGEL_FILE_STORE", otherDisks.at(-1)!);
}
afterEach(() => otherDisks.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("a bid on the S3 object store", () => {
  it("is staged on one instance, proven and submitted on another, and opened by k members from the bucket; an altered object is caught at both read-backs", async () => {
    const { tender, members } = await makeSealedBidTender();
    const [honest, victim, late] = [
      await makeBidder(tender.id),
      await makeBidder(tender.id),
      await makeBidder(tender.id),
    ];
    const stage = async (bidder: typeof honest, parts: ("TEKNIS" | "HARGA")[]) => {
      const ids = [];
      for (const part of parts)
        ids.push((await stageBidFile(bidder.actor, tender.id, bidPdf(`${part}-${randomUUID()}`), part)).id);
      return ids;
    };
    const staged = {
      honest: await stage(honest, ["TEKNIS", "HARGA"]),
      victim: await stage(victim, ["TEKNIS", "HARGA"]),
      late: await stage(late, ["HARGA"]),
    };

    // every sealed file is in the bucket, byte for byte what its row committed to, and none on this instance's disk
    const rows = await db.bidFile.findMany({ select: { storageKey: true, ciphertextSha256: true, sizeBytes: true } });
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const bytes = await objectBytes(row.storageKey);
      expect(bytes.length).toBe(Number(row.sizeBytes));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(row.ciphertextSha256);
    }
    expect(existsSync(path.join(process.env.SEGEL_FILE_STORE!, "sealed"))).toBe(false);

    onAnotherInstance();
    const lateFile = await db.bidFile.findUniqueOrThrow({ where: { id: staged.late[0] } });
    await tamper(lateFile.storageKey);
    await expect(
      submitBid(late.actor, {
        integrityPact: true,
        tenderId: tender.id,
        price: 300_000_000n,
        files: staged.late.map((id) => ({ id })),
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "bidFileStoreChanged" });
    expect(await db.bid.count({ where: { vendorId: late.vendor.id } })).toBe(0);

    const prices = { honest: 410_000_000n, victim: 420_000_000n };
    const bidIds: Record<string, string> = {};
    for (const [who, bidder] of [
      ["honest", honest],
      ["victim", victim],
    ] as const) {
      const result = await submitBid(bidder.actor, {
        integrityPact: true,
        tenderId: tender.id,
        price: prices[who],
        files: staged[who].map((id) => ({ id })),
        idempotencyKey: randomUUID(),
      });
      expect(result.signedReceipt.receipt.files).toHaveLength(2);
      bidIds[who] = result.bidId;
    }

    // after the receipt, someone alters the victim's technical file in the bucket
    const victimTeknis = await db.bidFile.findFirstOrThrow({ where: { vendorId: victim.vendor.id, part: "TEKNIS" } });
    await tamper(victimTeknis.storageKey);

    onAnotherInstance();
    await passDeadline(tender.id);
    for (const member of members.slice(0, 2))
      await approveOpening(member.actor, { tenderId: tender.id, passphrase: member.passphrase });
    const [event] = await db.auditEvent.findMany({ where: { entityId: tender.id, action: "tender.opened" } });
    const record = event!.data as unknown as OpeningRecord;
    const bidOf = (who: string) => record.bids.find((b) => b.bidId === bidIds[who])!;
    expect(bidOf("honest")).toMatchObject({ receiptValid: true, price: "410000000", priceStatus: "OK" });
    expect(bidOf("honest").files.map((f) => [f.part, f.status])).toEqual([
      ["TEKNIS", "OK"],
      ["HARGA", "OK"],
    ]);
    expect(bidOf("victim")).toMatchObject({ receiptValid: true, price: "420000000" });
    expect(bidOf("victim").files.map((f) => [f.part, f.status])).toEqual([
      ["TEKNIS", "UNOPENABLE"],
      ["HARGA", "OK"],
    ]);
  });
});
