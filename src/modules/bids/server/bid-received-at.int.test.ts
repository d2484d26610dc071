import { randomUUID } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  bidPdf,
  makeBidder,
  makeSealedBidTender,
  holdBidderLock,
  stageBidFile,
  setUpTestInstanceKey,
  waitingOnAdvisoryLock,
} from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { ARRIVAL_HEADER, readArrivalMark, stampArrival } from "@/server/arrival-stamp";
import { SUBMIT_GRACE_MS } from "../domain/bid-rules";
import { submitBid } from "./submit-bid";

setUpTestInstanceKey();

/** The deadline passes now, by the database clock. */
async function passDeadline(tenderId: string): Promise<Date> {
  const deadline = await dbNow();
  await db.tenderStage.updateMany({ where: { tenderId, kind: "UPLOAD_PENAWARAN" }, data: { endsAt: deadline } });
  return deadline;
}

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe("when a bid counts as received (decision 0020)", () => {
  it("accepts a bid whose request arrived before the deadline though it queued on the lock until after it, with its arrival time; refuses one that arrived after", async () => {
    const { tender } = await makeSealedBidTender();
    const early = await makeBidder(tender.id);
    const late = await makeBidder(tender.id);
    const earlyFile = await stageBidFile(early.actor, tender.id, bidPdf("tepat waktu"));
    const lateFile = await stageBidFile(late.actor, tender.id, bidPdf("terlambat"));

    const held = await holdBidderLock(tender.id, early.vendor.id);
    const submitted = submitBid(early.actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 100n,
      files: [{ id: earlyFile.id }],
      idempotencyKey: randomUUID(),
    });
    // the request has arrived and its processing waits on the lock...
    await expect.poll(waitingOnAdvisoryLock, { timeout: 30_000 }).toBe(1n);
    // ...while the deadline passes
    const deadline = await passDeadline(tender.id);
    await held.release();
    const accepted = await submitted;

    expect(accepted.receivedAt!.getTime()).toBeLessThan(deadline.getTime());
    expect(accepted.submittedAt.getTime()).toBeGreaterThanOrEqual(deadline.getTime());
    expect(accepted.signedReceipt.receipt.receivedAt).toBe(accepted.receivedAt!.toISOString());
    const row = await db.bid.findUniqueOrThrow({
      where: { id: accepted.bidId },
      select: { receivedAt: true, submittedAt: true },
    });
    expect(row).toEqual({ receivedAt: accepted.receivedAt, submittedAt: accepted.submittedAt });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "bid.submitted", entityId: accepted.bidId },
    });
    expect(audit.data).toMatchObject({ receivedAt: accepted.receivedAt!.toISOString() });

    // a request that arrives after the deadline is late, however fast it is served
    await expect(
      submitBid(late.actor, {
        integrityPact: true,
        tenderId: tender.id,
        price: 100n,
        files: [{ id: lateFile.id }],
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "bidDeadlinePassed" });
    expect(await db.bid.count()).toBe(1);
  });

  it("refuses a bid that arrived before the deadline but reached its transaction after the grace, writing nothing", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor, vendor } = await makeBidder(tender.id);
    const file = await stageBidFile(actor, tender.id, bidPdf("terlalu lama antre"));
    // serve.ts had the request the grace and 10 s ago; it queued on its lock...
    const arrivedAt = performance.now() - SUBMIT_GRACE_MS - 10_000;
    const held = await holdBidderLock(tender.id, vendor.id);
    const submitted = submitBid(
      actor,
      { integrityPact: true, tenderId: tender.id, price: 100n, files: [{ id: file.id }], idempotencyKey: randomUUID() },
      arrivedAt,
    );
    await expect.poll(waitingOnAdvisoryLock, { timeout: 30_000 }).toBe(1n);
    // ...while the deadline (after its arrival) and the grace after it ran out
    await db.tenderStage.updateMany({
      where: { tenderId: tender.id, kind: "UPLOAD_PENAWARAN" },
      data: { endsAt: new Date((await dbNow()).getTime() - SUBMIT_GRACE_MS - 1000) },
    });
    await held.release();

    await expect(submitted).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "bidNotRecordedInGrace",
      values: { deadline: expect.stringMatching(/ WIB$/), minutes: 2 },
    });
    expect(await db.bid.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "bid.submitted" } })).toBe(0);
    expect((await db.bidFile.findUniqueOrThrow({ where: { id: file.id }, select: { bidId: true } })).bidId).toBeNull();
  });

  it("ignores an arrival header sent by the client: through the stamping server, and without it", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const file = await stageBidFile(actor, tender.id, bidPdf("palsu"));
    // A genuine stamp from a moment before the deadline, replayed by the client later.
    const earlier = { headers: {} } as unknown as Parameters<typeof stampArrival>[0];
    stampArrival(earlier);
    const replayed = earlier.headers[ARRIVAL_HEADER] as string;
    const forged = `${(performance.now() - 60_000).toFixed(3)}.${"A".repeat(43)}`;
    await passDeadline(tender.id);

    // what serve.ts does in front of the app, then what the action reads
    server = createServer((req, res) => {
      stampArrival(req);
      const mark = readArrivalMark(req.headers[ARRIVAL_HEADER] as string);
      submitBid(
        actor,
        { integrityPact: true, tenderId: tender.id, price: 5n, files: [{ id: file.id }], idempotencyKey: randomUUID() },
        mark ?? performance.now(),
      ).then(
        () => res.end("accepted"),
        (error: { messageKey?: string }) => res.end(error.messageKey ?? "error"),
      );
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const send = (value: string) =>
      new Promise<string>((resolve, reject) => {
        const req = request(
          {
            host: "127.0.0.1",
            port: (server!.address() as AddressInfo).port,
            method: "POST",
            headers: { [ARRIVAL_HEADER]: value },
          },
          (res) => {
            let body = "";
            res.on("data", (c: Buffer) => (body += c));
            res.on("end", () => resolve(body));
          },
        );
        req.on("error", reject);
        req.end();
      });
    for (const value of [replayed, forged]) expect(await send(value)).toBe("bidDeadlinePassed");
    // and a forged value where nothing stamps (a client talking to `next start` directly) is no mark
    expect(readArrivalMark(forged)).toBeNull();
    expect(await db.bid.count()).toBe(0);
  });

  it("refuses a bid that arrived before the deadline once the tender has been opened", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor, vendor } = await makeBidder(tender.id);
    const file = await stageBidFile(actor, tender.id, bidPdf("setelah pembukaan"));
    const held = await holdBidderLock(tender.id, vendor.id);
    const submitted = submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 100n,
      files: [{ id: file.id }],
      idempotencyKey: randomUUID(),
    });
    await expect.poll(waitingOnAdvisoryLock, { timeout: 30_000 }).toBe(1n);
    await passDeadline(tender.id);
    // the opening ran meanwhile (stamped directly: the opening itself is tested in the opening module)
    await db.tender.update({ where: { id: tender.id }, data: { openedAt: await dbNow() } });
    await held.release();
    await expect(submitted).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "bidTenderNotOpen" });
    expect(await db.bid.count()).toBe(0);
  });
});
