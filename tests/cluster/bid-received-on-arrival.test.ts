// A bid counts as received when its submit request reaches the web process, not when the
// server gets round to it (docs/decisions/0020), proved on the real thing:
// `npm run start:cluster` with one web instance (serve.ts over the production build)
// behind haproxy, one worker, one PostgreSQL. Each submit is sent so that the test sees
// when serve.ts had it (Expect: 100-continue, tests/cluster/bidder.ts); the test then holds
// it inside the server, on the vendor-and-tender lock taken from the test's own database
// connection and, for many vendors, on the web process's connection pool too, while the
// deadline passes: the tender's UPLOAD_PENAWARAN end is moved to the database clock's now
// (decision 0006). Nothing waits on the wall clock. The factories' tenders have no
// nextCheckAt, so the schedule worker leaves them be; that it waits for submits still held
// (the grace after the deadline) is src/modules/failure/server/deadline-grace.int.test.ts.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pLimit from "p-limit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import idErrors from "@/i18n/messages/id/errors.json";
import { ARRIVAL_HEADER } from "@/server/arrival-stamp";
import {
  detectTus,
  fetchReceipt,
  findActionId,
  submitBid,
  uploadFile,
  type StagedFile,
  type Vendor,
} from "../../bench/lib/bidder-client";
import { sessionCookie, submitSeenArriving } from "./bidder";
import { startTopology, type Topology } from "./topology";

// (d): bounded, five times the web process's pool of database connections (src/server/db.ts)
const VENDORS = 50;
const PRICE = "1.234.567.000";
// a client's own arrival mark: the web process's first millisecond, under a made-up MAC
const FORGED_MARK = `0.001.${"A".repeat(43)}`;

let cluster: Topology;
let fileStore: string;
let actionId: string;

beforeAll(async () => {
  fileStore = mkdtempSync(path.join(os.tmpdir(), "segel-cluster-files-"));
  cluster = await startTopology({
    web: 1,
    workers: 1,
    storeEnv: { SEGEL_OBJECT_STORE: "local", SEGEL_FILE_STORE: fileStore },
  });
  // the test's own reads, factories and locks use the cluster's database, store and keys
  Object.assign(process.env, { ...cluster.env, DATABASE_URL: cluster.ownerUrl, NODE_ENV: "test" });
  actionId = findActionId(path.resolve(import.meta.dirname, "../.."), "submitBidAction");
});

afterAll(async () => {
  await cluster?.stop();
  if (fileStore) rmSync(fileStore, { recursive: true, force: true });
});

interface Bidder {
  vendorId: string;
  vendor: Vendor;
  files: StagedFile[];
}

/** A sealed-bid tender open for bids, and `count` signed-in vendors who have staged their price file through tus. */
async function tenderWithBidders(count: number) {
  const { bidPdf, makeBidder, makeSealedBidTender } = await import("@/tests/factories");
  const { tender, agency } = await makeSealedBidTender();
  const signedIn = [];
  for (let i = 0; i < count; i++) {
    const { user, vendor } = await makeBidder(tender.id);
    signedIn.push({
      vendorId: vendor.id,
      vendor: {
        baseUrl: cluster.baseUrl,
        cookie: await sessionCookie(user.id, cluster.env.NEXTAUTH_SECRET!),
        tenderId: tender.id,
      },
    });
  }
  const tus = await detectTus(cluster.baseUrl, signedIn[0]!.vendor.cookie);
  expect(tus, "the portal offers resumable uploads").not.toBeNull();
  // HARGA is the one part a bid needs (REQUIRED_BID_PARTS); ten uploads at a time
  const limit = pLimit(10);
  const bidders: Bidder[] = await Promise.all(
    signedIn.map((b) =>
      limit(async () => ({
        ...b,
        files: [await uploadFile(b.vendor, "HARGA", "harga.pdf", bidPdf(`harga ${b.vendorId}`), tus)],
      })),
    ),
  );
  return { tender, timeZone: agency.timeZone, bidders };
}

const input = (bidder: Bidder) => ({ price: PRICE, files: bidder.files, idempotencyKey: randomUUID() });

/** Holds these vendors' vendor-and-tender locks on the test's own connection (the factories' helper, loaded after the cluster's settings). */
async function holdBidderLocks(tenderId: string, vendorIds: string[]) {
  const factories = await import("@/tests/factories");
  return factories.holdBidderLocks(tenderId, vendorIds, { timeoutMs: 240_000 });
}

/** Submits waiting in the database for a vendor-and-tender lock. */
async function waitingOnLocks(): Promise<number> {
  const { db } = await import("@/server/db");
  const [row] = await db.$queryRaw<
    { n: bigint }[]
  >`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`;
  return Number(row!.n);
}

/** The deadline passes now, by the database clock. */
async function passDeadline(tenderId: string): Promise<Date> {
  const { db, dbNow } = await import("@/server/db");
  const deadline = await dbNow();
  await db.tenderStage.updateMany({ where: { tenderId, kind: "UPLOAD_PENAWARAN" }, data: { endsAt: deadline } });
  return deadline;
}

/** The receipt as the vendor downloads it, checked with the instance's public key. */
async function verifiedReceipt(vendor: Vendor, bidId: string) {
  const { verifyReceipt } = await import("@/modules/bids/domain/verify-receipt");
  const signed = JSON.parse(await fetchReceipt(vendor, bidId));
  expect(verifyReceipt(signed, cluster.instancePublicKeyPem).valid, `receipt of ${bidId}`).toBe(true);
  return signed.receipt as { version: number; receivedAt: string; submittedAt: string };
}

describe("a bid counts as received when its submit reaches the web process (decision 0020)", () => {
  it("accepts a submit that arrived before the deadline and was held inside the server until after it", async () => {
    const { db } = await import("@/server/db");
    const {
      tender,
      bidders: [bidder],
    } = await tenderWithBidders(1);
    const held = await holdBidderLocks(tender.id, [bidder!.vendorId]);
    const submit = submitSeenArriving(bidder!.vendor, actionId, input(bidder!));
    await submit.arrived;
    // serve.ts has the request and the use case waits on the lock...
    await expect.poll(waitingOnLocks, { timeout: 60_000 }).toBe(1);
    // ...while the deadline passes
    const deadline = await passDeadline(tender.id);
    await held.release();

    const reply = await submit.reply;
    expect(reply).toMatchObject({ ok: true });
    const receipt = await verifiedReceipt(bidder!.vendor, reply.data!.bidId);
    expect(receipt.version).toBe(4); // version 4: the pakta integritas and the qualification form (issue 15)
    expect(new Date(receipt.receivedAt).getTime()).toBeLessThan(deadline.getTime());
    expect(new Date(receipt.submittedAt).getTime()).toBeGreaterThanOrEqual(deadline.getTime());
    expect(reply.data).toMatchObject({ receivedAt: receipt.receivedAt, submittedAt: receipt.submittedAt });
    const row = await db.bid.findUniqueOrThrow({
      where: { id: reply.data!.bidId },
      select: { status: true, receivedAt: true, submittedAt: true },
    });
    expect(row).toEqual({
      status: "SUBMITTED",
      receivedAt: new Date(receipt.receivedAt),
      submittedAt: new Date(receipt.submittedAt),
    });
  });

  it("refuses a submit that arrives after the deadline with the deadline in the message, forged arrival mark or not, and writes nothing", async () => {
    const { db } = await import("@/server/db");
    const { formatInZone } = await import("@/lib/time");
    const {
      tender,
      timeZone,
      bidders: [honest, forger],
    } = await tenderWithBidders(2);
    const deadline = await passDeadline(tender.id);
    const message = idErrors.bidDeadlinePassed.replace("{deadline}", formatInZone(deadline, timeZone, "id"));

    expect(await submitBid(honest!.vendor, actionId, input(honest!))).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
      message,
    });
    expect(await submitBid(forger!.vendor, actionId, input(forger!), { [ARRIVAL_HEADER]: FORGED_MARK })).toMatchObject({
      ok: false,
      code: "INVALID_STATE",
      message,
    });
    expect(await db.bid.count({ where: { tenderId: tender.id } })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { action: "bid.submitted", data: { path: ["tenderId"], equals: tender.id } },
      }),
    ).toBe(0);
    // neither staged file was bound to a bid
    expect(await db.bidFile.count({ where: { tenderId: tender.id, bidId: null } })).toBe(2);
  });

  it("takes no arrival instant from the client: a forged mark on a submit in time is not its receivedAt", async () => {
    const { dbNow } = await import("@/server/db");
    const {
      bidders: [bidder],
    } = await tenderWithBidders(1);
    const before = await dbNow();
    const reply = await submitBid(bidder!.vendor, actionId, input(bidder!), { [ARRIVAL_HEADER]: FORGED_MARK });
    expect(reply).toMatchObject({ ok: true });
    // honoured, the mark would date the bid at the web process's start, tens of seconds
    // earlier; 1 s covers the mapping's round trip (received-at.ts)
    expect(new Date(reply.data!.receivedAt!).getTime()).toBeGreaterThan(before.getTime() - 1000);
  });

  it(`accepts all of ${VENDORS} submits that arrived before the deadline while it passed during their processing`, async () => {
    const { db } = await import("@/server/db");
    const { tender, bidders } = await tenderWithBidders(VENDORS);
    const held = await holdBidderLocks(
      tender.id,
      bidders.map((b) => b.vendorId),
    );
    const submits = bidders.map((bidder) => ({
      bidder,
      ...submitSeenArriving(bidder.vendor, actionId, input(bidder)),
    }));
    await Promise.all(submits.map((s) => s.arrived));
    // every submit is in the web process: some wait in the database on their lock, the
    // rest for one of the process's pooled connections
    await expect.poll(waitingOnLocks, { timeout: 60_000 }).toBeGreaterThan(0);
    const deadline = await passDeadline(tender.id);
    await held.release();

    const replies = await Promise.all(
      submits.map(async (s) => ({ vendorId: s.bidder.vendorId, reply: await s.reply })),
    );
    expect(replies.filter((r) => !r.reply.ok)).toEqual([]);
    const limit = pLimit(10);
    const receipts = await Promise.all(
      submits.map((s, i) => limit(() => verifiedReceipt(s.bidder.vendor, replies[i]!.reply.data!.bidId))),
    );
    for (const receipt of receipts) {
      expect(new Date(receipt.receivedAt).getTime()).toBeLessThan(deadline.getTime());
      expect(new Date(receipt.submittedAt).getTime()).toBeGreaterThanOrEqual(deadline.getTime());
    }
    expect(await db.bid.count({ where: { tenderId: tender.id, status: "SUBMITTED" } })).toBe(VENDORS);
  });
});
