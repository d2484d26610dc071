// Two web instances and two workers behind haproxy, one PostgreSQL, one object store,
// shared key files (SEGEL_CLUSTER=1). A deadline spike of 100 vendors × 3 files × 256 KB;
// mid-spike one web instance is killed with SIGKILL. Every bid the portal
// acknowledged must be complete: in the database once, all its files readable from the
// object store with the ciphertext the row names, and a receipt that verifies with the
// shared instance key. A vendor whose request died with the instance retries with the
// same idempotency key and still has exactly one bid.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import pLimit from "p-limit";
import { startS3Server, type TestS3Server } from "../setup/s3-server";
import { detectTus, findActionId } from "../../bench/lib/bidder-client";
import { bidAtTheDeadline, type BidOutcome } from "./bidder";
import { startTopology, type Topology } from "./topology";

const VENDORS = 100;
const FILE_BYTES = 256 * 1024;
const PARTS = ["ADMINISTRASI", "TEKNIS", "HARGA"];

// The object store every instance shares: by default an S3-protocol server (s3rver) that
// holds the sealed files and the uploads in flight, as machines without a shared disk
// need; with SEGEL_CLUSTER_TEST_STORE=local a folder on this machine (a shared mount).
const STORE = process.env.SEGEL_CLUSTER_TEST_STORE ?? "s3";
if (STORE !== "s3" && STORE !== "local")
  throw new Error(`SEGEL_CLUSTER_TEST_STORE must be s3 or local, not "${STORE}"`);

let s3: TestS3Server | undefined;
let sharedFolder: string | undefined;
let cluster: Topology;

beforeAll(async () => {
  if (STORE === "s3") s3 = await startS3Server("segel-cluster");
  else sharedFolder = mkdtempSync(path.join(os.tmpdir(), "segel-cluster-files-"));
  cluster = await startTopology({
    web: 2,
    workers: 2,
    storeEnv: s3 ? s3.env : { SEGEL_OBJECT_STORE: "local", SEGEL_FILE_STORE: sharedFolder! },
  });
  // the test's own reads and factories use the same database, store and keys as the cluster
  Object.assign(process.env, { ...cluster.env, DATABASE_URL: cluster.ownerUrl, NODE_ENV: "test" });
});

afterAll(async () => {
  await cluster?.stop();
  await s3?.stop();
  if (sharedFolder) rmSync(sharedFolder, { recursive: true, force: true });
});

describe(`an instance killed during the deadline spike (object store: ${STORE})`, () => {
  it("loses no acknowledged bid and duplicates none", async () => {
    const { db } = await import("@/server/db");
    const { bidPdf, makeBidder, makeSealedBidTender } = await import("@/tests/factories");
    const { readSealed } = await import("@/modules/bids/server/sealed-file-store");
    const { verifyReceipt } = await import("@/modules/bids/domain/verify-receipt");

    const { tender } = await makeSealedBidTender();
    const bidders = [];
    for (let i = 0; i < VENDORS; i++) {
      const { user, vendor } = await makeBidder(tender.id);
      const session = await db.userSession.create({
        data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
      });
      const token = await encode({ token: { sub: user.id, sid: session.id }, secret: cluster.env.NEXTAUTH_SECRET! });
      bidders.push({
        vendorId: vendor.id,
        cookie: `next-auth.session-token=${token}`,
        files: PARTS.map((part) => ({ part, content: bidPdf(`${part} ${vendor.id}`, FILE_BYTES) })),
      });
    }
    const actionId = findActionId(path.resolve(import.meta.dirname, "../.."), "submitBidAction");
    const tus = await detectTus(cluster.baseUrl, bidders[0]!.cookie);
    expect(tus, "the portal offers resumable uploads").not.toBeNull();

    // the spike: every vendor at once, at most 50 in flight (a browser's worth each)
    const limit = pLimit(50);
    let acknowledged = 0;
    let killed: { name: string; pid: number } | undefined;
    const outcomes: BidOutcome[] = await Promise.all(
      bidders.map((b) =>
        limit(async () => {
          const vendor = { baseUrl: cluster.baseUrl, cookie: b.cookie, tenderId: tender.id };
          const outcome = await bidAtTheDeadline({ vendor, vendorId: b.vendorId, actionId, tus, files: b.files });
          if (outcome.signedReceipt && ++acknowledged === 20 && !killed) {
            // mid-spike: 20 receipts out, the rest in flight or waiting
            const pid = cluster.webPids.get("web1")!;
            killed = { name: "web1", pid };
            process.kill(pid, "SIGKILL");
          }
          return outcome;
        }),
      ),
    );
    expect(killed, "an instance was killed mid-spike").toBeDefined();

    const withReceipt = outcomes.filter((o) => o.signedReceipt);
    const instanceKey = cluster.instancePublicKeyPem;
    for (const outcome of withReceipt) {
      expect(verifyReceipt(outcome.signedReceipt! as never, instanceKey).valid, `receipt of ${outcome.vendorId}`).toBe(
        true,
      );
      const bids = await db.bid.findMany({
        where: { vendorId: outcome.vendorId, tenderId: tender.id },
        select: {
          id: true,
          status: true,
          idempotencyKey: true,
          files: { select: { id: true, storageKey: true, ciphertextSha256: true } },
        },
      });
      expect(bids.map((b) => [b.id, b.status, b.idempotencyKey])).toEqual([
        [outcome.bidId, "SUBMITTED", outcome.idempotencyKey],
      ]);
      expect(bids[0]!.files.map((f) => f.id).sort()).toEqual([...outcome.fileIds].sort());
      for (const file of bids[0]!.files) {
        const stored = Buffer.concat(await readSealed(file.storageKey).toArray());
        expect(createHash("sha256").update(stored).digest("hex"), `file ${file.id} in the object store`).toBe(
          file.ciphertextSha256,
        );
      }
    }
    // nobody has two live bids, acknowledged or not
    const perVendor = await db.bid.groupBy({
      by: ["vendorId"],
      where: { tenderId: tender.id, status: "SUBMITTED" },
      _count: true,
    });
    expect(perVendor.filter((v) => v._count > 1)).toEqual([]);
    // with its retries (tus resumes, the submit repeats its idempotency key) every vendor got through
    const failed = outcomes.filter((o) => !o.signedReceipt);
    expect(failed.map((o) => `${o.vendorId}: ${o.errors.join("; ")}`)).toEqual([]);
    // the killed instance was started again and serves
    await expect.poll(async () => cluster.webPids.get("web1") !== killed!.pid, { timeout: 60_000 }).toBe(true);
  });
});
