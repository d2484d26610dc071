import pg from "pg";
import { Prisma } from "@/generated/prisma/client";
import { describe, expect, it } from "vitest";
import { SUBMIT_GRACE_MS } from "@/modules/bids/domain/bid-rules";
import { makePokjaTender, makeStages, makeSubmittedBid } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { claimDueTender, runScheduleTick } from "./run-schedule-tick";

const HOUR = 3_600_000;

/**
 * A published tender with one bid whose upload stage ended `agoMs` ago by the database
 * clock (by default one second more than the grace for submits still inside Segel).
 */
async function tenderPastDeadline(agoMs = SUBMIT_GRACE_MS + 1000) {
  const { tender } = await makePokjaTender();
  const now = (await dbNow()).getTime();
  const t = (ms: number) => new Date(now + ms);
  await makeStages(tender.id, [
    ["PENGUMUMAN", t(-3 * HOUR), t(-2 * HOUR)],
    ["UPLOAD_PENAWARAN", t(-2 * HOUR), t(-agoMs)],
    ["PEMBUKAAN", t(-agoMs), t(HOUR)],
    ["EVALUASI", t(HOUR), t(2 * HOUR)],
  ]);
  await db.tender.update({
    where: { id: tender.id },
    data: { status: "PUBLISHED", publishedAt: t(-3 * HOUR), currentStage: "UPLOAD_PENAWARAN", nextCheckAt: t(-agoMs) },
  });
  // one bid came in, so the zero-bid rule (src/modules/failure) leaves the tender to the clock
  await makeSubmittedBid(tender.id);
  return { id: tender.id, t };
}

describe("runScheduleTick", () => {
  it("moves a tender past its bid deadline to EVALUATION at PEMBUKAAN, as the system, and sets the next look", async () => {
    const { id, t } = await tenderPastDeadline();
    const result = await runScheduleTick();
    expect(result.transitions).toEqual([
      {
        tenderId: id,
        fromStage: "UPLOAD_PENAWARAN",
        toStage: "PEMBUKAAN",
        fromStatus: "PUBLISHED",
        toStatus: "EVALUATION",
      },
    ]);
    const tender = await db.tender.findUniqueOrThrow({ where: { id } });
    expect(tender).toMatchObject({ status: "EVALUATION", currentStage: "PEMBUKAAN", nextCheckAt: t(HOUR) });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "tender.stageAdvanced", entityId: id } });
    expect(audit).toMatchObject({
      actorId: null,
      actorLabel: "Sistem",
      data: { from: "UPLOAD_PENAWARAN", to: "PEMBUKAAN", fromStatus: "PUBLISHED", toStatus: "EVALUATION" },
    });
  });

  it("moves the stage at the deadline but keeps the tender PUBLISHED until the grace has run, and looks again then", async () => {
    const { id, t } = await tenderPastDeadline(1000);
    const result = await runScheduleTick();
    expect(result.transitions).toEqual([
      {
        tenderId: id,
        fromStage: "UPLOAD_PENAWARAN",
        toStage: "PEMBUKAAN",
        fromStatus: "PUBLISHED",
        toStatus: "PUBLISHED",
      },
    ]);
    expect(await db.tender.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "PUBLISHED",
      currentStage: "PEMBUKAAN",
      nextCheckAt: t(SUBMIT_GRACE_MS - 1000),
    });
  });

  it("leaves tenders that are not due alone", async () => {
    const { id, t } = await tenderPastDeadline();
    await db.tender.update({ where: { id }, data: { nextCheckAt: t(60_000) } });
    expect(await runScheduleTick()).toEqual({ checked: 0, transitions: [], failed: [] });
    expect(await db.auditEvent.count({ where: { action: "tender.stageAdvanced" } })).toBe(0);
  });

  it("records the stage of an awarded tender as the sanggah window passes, and never moves its status", async () => {
    const { tender } = await makePokjaTender();
    const now = (await dbNow()).getTime();
    const t = (ms: number) => new Date(now + ms);
    await makeStages(tender.id, [
      ["PENGUMUMAN_PEMENANG", t(-2 * HOUR), t(-1000)],
      ["MASA_SANGGAH", t(-1000), t(HOUR)],
    ]);
    const bid = await makeSubmittedBid(tender.id);
    // as announce-winner leaves it: announced, the worker's next look at the stage's end
    const id = tender.id;
    await db.tender.update({
      where: { id },
      data: {
        status: "AWARDED",
        publishedAt: t(-9 * HOUR),
        openedAt: t(-5 * HOUR),
        winnerBidId: bid.bid.id,
        awardedAt: t(-3 * HOUR),
        announcedAt: t(-2 * HOUR),
        currentStage: "PENGUMUMAN_PEMENANG",
        nextCheckAt: t(-1000),
      },
    });
    const result = await runScheduleTick();
    expect(result.transitions).toEqual([
      {
        tenderId: id,
        fromStage: "PENGUMUMAN_PEMENANG",
        toStage: "MASA_SANGGAH",
        fromStatus: "AWARDED",
        toStatus: "AWARDED",
      },
    ]);
    expect(await db.tender.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "AWARDED",
      currentStage: "MASA_SANGGAH",
      nextCheckAt: t(HOUR),
    });
  });

  it("claims a due tender through the nextCheckAt index, not by filtering every tender", async () => {
    const now = await dbNow();
    const plan = await db.$transaction(async (tx) => {
      // the planner's choice over a handful of rows is a coin toss; ask whether the index can serve it
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${claimDueTender(now, [])}`);
    });
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index Cond: \("nextCheckAt" <= /);
  });

  it("clears the next look after the last stage and does not record a non-change", async () => {
    const { tender } = await makePokjaTender();
    const now = (await dbNow()).getTime();
    await makeStages(tender.id, [["PENGUMUMAN", new Date(now - 2 * HOUR), new Date(now - HOUR)]]);
    await db.tender.update({
      where: { id: tender.id },
      data: {
        status: "EVALUATION",
        publishedAt: new Date(now - 2 * HOUR),
        currentStage: null,
        nextCheckAt: new Date(now - HOUR),
      },
    });
    expect(await runScheduleTick()).toEqual({ checked: 1, transitions: [], failed: [] });
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).nextCheckAt).toBeNull();
  });

  it("records each transition exactly once when two ticks run at the same time", async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await tenderPastDeadline()).id);
    // Hold the lock on two of the tenders from another connection while both ticks run:
    // SKIP LOCKED must pass over them instead of waiting or processing them twice.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT id FROM "Tender" WHERE id = ANY($1::uuid[]) FOR UPDATE`, [ids.slice(0, 2)]);
    // Small batches, so the ticks interleave over the four unlocked tenders.
    const [a, b, d] = await Promise.all([
      runScheduleTick({ limit: 2 }),
      runScheduleTick({ limit: 2 }),
      runScheduleTick({ limit: 2 }),
    ]);
    expect(a.checked + b.checked + d.checked).toBe(4);
    await blocker.query("ROLLBACK");
    await blocker.end();
    const c = await runScheduleTick();
    const transitions = [...a.transitions, ...b.transitions, ...d.transitions, ...c.transitions]
      .map((x) => x.tenderId)
      .sort();
    expect(transitions).toEqual([...ids].sort());
    expect(c.transitions.map((x) => x.tenderId).sort()).toEqual(ids.slice(0, 2).sort());
    const audits = await db.auditEvent.findMany({
      where: { action: "tender.stageAdvanced" },
      select: { entityId: true },
    });
    expect(audits.map((e) => e.entityId).sort()).toEqual([...ids].sort());
    expect(await db.tender.count({ where: { id: { in: ids }, status: "EVALUATION", currentStage: "PEMBUKAAN" } })).toBe(
      6,
    );
  });
});
