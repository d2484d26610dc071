import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SUBMIT_GRACE_MS } from "@/modules/bids/domain/bid-rules";
import { submitBid } from "@/modules/bids/server/submit-bid";
import { runScheduleTick } from "@/modules/schedule/server/run-schedule-tick";
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

setUpTestInstanceKey();

/**
 * `ms` pass for this tender by the database clock: its schedule and its next check move
 * back. (Moving segel_now() itself would move the arrival of a submit in flight with it:
 * its arrival is mapped onto the database clock when it is recorded, decision 0020.)
 */
async function passTime(tenderId: string, ms: number) {
  const by = `${ms} milliseconds`;
  await db.$executeRaw`UPDATE "TenderStage" SET "startsAt" = "startsAt" - ${by}::interval, "endsAt" = "endsAt" - ${by}::interval WHERE "tenderId" = ${tenderId}::uuid`;
  await db.$executeRaw`UPDATE "Tender" SET "nextCheckAt" = "nextCheckAt" - ${by}::interval WHERE id = ${tenderId}::uuid`;
}

const deadlineOf = async (tenderId: string) =>
  (await db.tenderStage.findFirstOrThrow({ where: { tenderId, kind: "UPLOAD_PENAWARAN" }, select: { endsAt: true } }))
    .endsAt;

describe("the schedule worker at the bid deadline, with a submit still inside Segel (decision 0020)", () => {
  it("decides nothing until the grace has run, so a submit that arrived in time and waited on its lock is accepted and counted", async () => {
    const { tender, uploadEnd } = await makeSealedBidTender();
    // No extension left: a worker that counted no bid at the deadline would fail the tender.
    const { procedure } = await db.tender.findUniqueOrThrow({
      where: { id: tender.id },
      select: { procedure: { select: { maxDeadlineExtensions: true } } },
    });
    await db.tender.update({
      where: { id: tender.id },
      data: { deadlineExtensions: procedure.maxDeadlineExtensions, nextCheckAt: uploadEnd },
    });
    const { actor, vendor } = await makeBidder(tender.id);
    const file = await stageBidFile(actor, tender.id, bidPdf("masih antre"));

    // serve.ts had the submit 5 s ago; it waits on its vendor-and-tender lock...
    const held = await holdBidderLock(tender.id, vendor.id);
    const submitted = submitBid(
      actor,
      { integrityPact: true, tenderId: tender.id, price: 100n, files: [{ id: file.id }], idempotencyKey: randomUUID() },
      performance.now() - 5000,
    );
    await expect.poll(waitingOnAdvisoryLock, { timeout: 30_000 }).toBe(1n);
    // ...while the deadline passes: the worker looks 1 s after it
    await passTime(tender.id, uploadEnd.getTime() - (await dbNow()).getTime() + 1000);
    const deadline = await deadlineOf(tender.id);
    const first = await runScheduleTick();
    expect(first.checked).toBe(1);
    expect(first.transitions.map((t) => t.toStatus)).toEqual(first.transitions.map(() => "PUBLISHED"));
    const during = await db.tender.findUniqueOrThrow({
      where: { id: tender.id },
      select: { status: true, failedAt: true, deadlineExtensions: true, nextCheckAt: true },
    });
    expect(during).toEqual({
      status: "PUBLISHED",
      failedAt: null,
      deadlineExtensions: procedure.maxDeadlineExtensions,
      nextCheckAt: new Date(deadline.getTime() + SUBMIT_GRACE_MS),
    });

    await held.release();
    const accepted = await submitted;
    expect(accepted.receivedAt!.getTime()).toBeLessThan(deadline.getTime());

    // the grace runs out: the worker counts the bid and the tender goes on to evaluation
    await passTime(tender.id, SUBMIT_GRACE_MS);
    const after = await runScheduleTick();
    expect(after.transitions).toEqual([
      expect.objectContaining({ tenderId: tender.id, fromStatus: "PUBLISHED", toStatus: "EVALUATION" }),
    ]);
    expect(
      await db.tender.findUniqueOrThrow({ where: { id: tender.id }, select: { status: true, failureKind: true } }),
    ).toEqual({ status: "EVALUATION", failureKind: null });
    expect(
      await db.auditEvent.count({
        where: { entityId: tender.id, action: { in: ["tender.failed", "tender.deadlineExtended"] } },
      }),
    ).toBe(0);
  });
});
