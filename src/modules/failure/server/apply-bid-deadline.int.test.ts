import { describe, expect, it } from "vitest";
import { SUBMIT_GRACE_MS } from "@/modules/bids/domain/bid-rules";
import { runScheduleTick } from "@/modules/schedule/server/run-schedule-tick";
import { makePokjaTender, makeStages, makeSubmittedBid, registerParticipant } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { EXTENSION_REASON, NO_BIDS_REASON } from "../domain/bid-deadline";

const HOUR = 3_600_000;
const PAST = SUBMIT_GRACE_MS + 1000;

/** A published tender whose 48-hour upload stage ended the grace and 1 s ago (PAST), with one registered vendor and no bid. */
async function tenderWithoutBids(options: { method?: "TENDER_CEPAT" } = {}) {
  const { tender } = await makePokjaTender();
  if (options.method) {
    const procedure = await db.procedureConfig.findUniqueOrThrow({
      where: { key: "tender-cepat" },
      select: { id: true },
    });
    await db.tender.update({ where: { id: tender.id }, data: { method: options.method, procedureId: procedure.id } });
  }
  const now = (await dbNow()).getTime();
  const t = (ms: number) => new Date(now + ms);
  await makeStages(tender.id, [
    ["PENGUMUMAN", t(-50 * HOUR), t(-48 * HOUR - PAST)],
    ["UPLOAD_PENAWARAN", t(-48 * HOUR - PAST), t(-PAST)],
    ["PEMBUKAAN", t(-PAST), t(HOUR)],
    ["EVALUASI", t(HOUR), t(2 * HOUR)],
  ]);
  await db.tender.update({
    where: { id: tender.id },
    data: { status: "PUBLISHED", publishedAt: t(-50 * HOUR), currentStage: "UPLOAD_PENAWARAN", nextCheckAt: t(-PAST) },
  });
  const vendor = await registerParticipant(tender.id);
  return { id: tender.id, t, vendor };
}

const stagesOf = (tenderId: string) =>
  db.tenderStage.findMany({
    where: { tenderId },
    orderBy: { position: "asc" },
    select: { kind: true, startsAt: true, endsAt: true },
  });

describe("zero bids at the deadline (schedule worker)", () => {
  it("extends the deadline once, by the stage's length, as the system; two ticks at once extend only once", async () => {
    const { id, t, vendor } = await tenderWithoutBids();
    const [a, b] = await Promise.all([runScheduleTick(), runScheduleTick()]);
    expect(a.transitions.concat(b.transitions)).toEqual([]);
    const tender = await db.tender.findUniqueOrThrow({
      where: { id },
      select: { status: true, deadlineExtensions: true, currentStage: true, nextCheckAt: true },
    });
    expect(tender.status).toBe("PUBLISHED");
    expect(tender.deadlineExtensions).toBe(1);
    expect(tender.currentStage).toBe("UPLOAD_PENAWARAN");
    const stages = await stagesOf(id);
    const upload = stages.find((s) => s.kind === "UPLOAD_PENAWARAN")!;
    // 48 h again, counted from the tick (the worker came the grace and about 1 s late)
    expect(upload.endsAt.getTime()).toBeGreaterThanOrEqual(t(48 * HOUR).getTime());
    expect(upload.endsAt.getTime()).toBeLessThan(t(48 * HOUR + 30_000).getTime());
    expect(stages.find((s) => s.kind === "PEMBUKAAN")!.startsAt).toEqual(upload.endsAt);
    expect(stages.find((s) => s.kind === "PENGUMUMAN")!.endsAt).toEqual(t(-48 * HOUR - PAST));
    expect(tender.nextCheckAt).toEqual(upload.endsAt);
    const changes = await db.scheduleChange.findMany({
      where: { tenderId: id },
      select: { changedById: true, reason: true },
    });
    expect(changes).toHaveLength(3);
    expect(changes.every((c) => c.changedById === null && c.reason === EXTENSION_REASON)).toBe(true);
    expect(
      await db.auditEvent.count({ where: { action: "tender.deadlineExtended", entityId: id, actorId: null } }),
    ).toBe(1);
    expect(
      await db.notification.count({ where: { kind: "tender.deadlineExtended", userId: vendor.penyedia.userId } }),
    ).toBe(1);
  });

  it("fails the tender with NO_BIDS when the extended deadline passes without a bid", async () => {
    const { id } = await tenderWithoutBids();
    await runScheduleTick();
    // the extended deadline and the grace pass: move the schedule back so they ended 1 s ago
    const back = `${48 * HOUR + PAST + 1000} milliseconds`;
    await db.$executeRaw`UPDATE "TenderStage" SET "startsAt" = "startsAt" - ${back}::interval, "endsAt" = "endsAt" - ${back}::interval WHERE "tenderId" = ${id}::uuid`;
    await db.tender.update({ where: { id }, data: { nextCheckAt: new Date(0) } });
    const [a, b] = await Promise.all([runScheduleTick(), runScheduleTick()]);
    expect(a.transitions.concat(b.transitions)).toEqual([
      expect.objectContaining({ tenderId: id, toStatus: "FAILED" }),
    ]);
    const tender = await db.tender.findUniqueOrThrow({
      where: { id },
      select: {
        status: true,
        failureKind: true,
        failedAt: true,
        endReason: true,
        deadlineExtensions: true,
        nextCheckAt: true,
      },
    });
    expect(tender).toMatchObject({
      status: "FAILED",
      failureKind: "NO_BIDS",
      endReason: NO_BIDS_REASON,
      deadlineExtensions: 1,
      nextCheckAt: null,
    });
    expect(tender.failedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { action: "tender.failed", entityId: id, actorId: null } })).toBe(1);
    expect(await runScheduleTick()).toEqual({ checked: 0, transitions: [], failed: [] });
  });

  it("leaves a tender with a bid to the clock, and fails a tender cepat with a single bid", async () => {
    const withBid = await tenderWithoutBids();
    await makeSubmittedBid(withBid.id, { vendorId: withBid.vendor.vendor.id });
    const cepat = await tenderWithoutBids({ method: "TENDER_CEPAT" });
    await makeSubmittedBid(cepat.id, { vendorId: cepat.vendor.vendor.id });
    await runScheduleTick();
    expect(
      await db.tender.findUniqueOrThrow({
        where: { id: withBid.id },
        select: { status: true, deadlineExtensions: true },
      }),
    ).toEqual({ status: "EVALUATION", deadlineExtensions: 0 });
    expect(
      await db.tender.findUniqueOrThrow({ where: { id: cepat.id }, select: { status: true, failureKind: true } }),
    ).toEqual({ status: "FAILED", failureKind: "TOO_FEW_BIDS" });
  });
});
