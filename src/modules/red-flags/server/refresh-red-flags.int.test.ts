import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { applyTenderEvent } from "@/modules/tenders";
import {
  makeAgency,
  makeAwardedTender,
  makeBidder,
  makeOpenedTender,
  makePaket,
  makeTender,
  makeUser,
  markAwarded,
  setUpTestInstanceKey,
} from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import type { RedFlagCode } from "../domain/codes";
import { RED_FLAG_DEFAULTS } from "../domain/flags";
import { refreshRedFlags } from "./refresh-red-flags";

const H = 3_600_000;
const DAY = 24 * H;

async function refresh(tenderId: string, now?: Date) {
  await db.$transaction(async (tx) => refreshRedFlags(tx, tenderId, now ?? (await dbNow(tx)), RED_FLAG_DEFAULTS));
}
async function flagsOf(tenderId: string): Promise<RedFlagCode[]> {
  const rows = await db.tenderRedFlag.findMany({ where: { tenderId }, select: { code: true } });
  return rows.map((r) => r.code).sort();
}
async function flagged(tenderId: string, code: RedFlagCode) {
  await refresh(tenderId);
  return (await flagsOf(tenderId)).includes(code);
}
const bidRow = (tenderId: string, vendorId: string, userId: string, price: bigint) => ({
  tenderId,
  vendorId,
  submittedById: userId,
  idempotencyKey: randomUUID(),
  sealedPrice: Buffer.from("uji"),
  priceCommitment: "0".repeat(64),
  submittedAt: new Date(),
  integrityPactAt: new Date(),
  receipt: {},
  receiptSignature: "uji",
  openedPrice: price,
});

describe("refreshRedFlags", () => {
  it("SINGLE_BID: one opened bid raises it with the agency and year copied; a second bid lowers it; raisedAt is kept", async () => {
    const made = await makeOpenedTender({ prices: [900_000_000n] });
    const first = new Date("2026-11-01T00:00:00Z");
    await refresh(made.tender.id, first);
    const row = await db.tenderRedFlag.findUniqueOrThrow({
      where: { tenderId_code: { tenderId: made.tender.id, code: "SINGLE_BID" } },
    });
    expect(row).toMatchObject({ agencyId: made.agency.id, fiscalYear: 2026, detail: { bids: 1 }, raisedAt: first });
    await refresh(made.tender.id, new Date("2026-11-02T00:00:00Z"));
    const again = await db.tenderRedFlag.findUniqueOrThrow({
      where: { tenderId_code: { tenderId: made.tender.id, code: "SINGLE_BID" } },
    });
    expect(again.raisedAt).toEqual(first);

    const other = await makeBidder(made.tender.id);
    await db.bid.create({ data: bidRow(made.tender.id, other.vendor.id, other.user.id, 950_000_000n) });
    expect(await flagged(made.tender.id, "SINGLE_BID")).toBe(false);
  });

  it("SINGLE_BID waits for the opening", async () => {
    const made = await makeOpenedTender({ prices: [900_000_000n], opened: false, status: "PUBLISHED" });
    expect(await flagged(made.tender.id, "SINGLE_BID")).toBe(false);
  });

  it("SHORT_BID_PERIOD: one millisecond under the tender norm (240 hours) raises it, the norm itself does not", async () => {
    const made = await makeOpenedTender();
    const { bidDeadline } = await db.tender.findUniqueOrThrow({ where: { id: made.tender.id } });
    const publish = (ms: number) =>
      db.tender.update({ where: { id: made.tender.id }, data: { publishedAt: new Date(bidDeadline!.getTime() - ms) } });
    await publish(240 * H);
    expect(await flagged(made.tender.id, "SHORT_BID_PERIOD")).toBe(false);
    await publish(240 * H - 1);
    expect(await flagged(made.tender.id, "SHORT_BID_PERIOD")).toBe(true);
    const row = await db.tenderRedFlag.findFirstOrThrow({
      where: { tenderId: made.tender.id, code: "SHORT_BID_PERIOD" },
    });
    expect(row.detail).toEqual({ hours: 239, normHours: 240 });
  });

  it("PRICE_NEAR_HPS: the winner at 95% of HPS raises it, one rupiah below does not", async () => {
    const made = await makeAwardedTender({ hps: 480_000_000n });
    const price = (p: bigint) => db.bid.update({ where: { id: made.winner.bid.id }, data: { correctedPrice: p } });
    await price(455_999_999n);
    expect(await flagged(made.tender.id, "PRICE_NEAR_HPS")).toBe(false);
    await price(456_000_000n);
    expect(await flagged(made.tender.id, "PRICE_NEAR_HPS")).toBe(true);
    const row = await db.tenderRedFlag.findFirstOrThrow({
      where: { tenderId: made.tender.id, code: "PRICE_NEAR_HPS" },
    });
    expect(row.detail).toMatchObject({ sharePermille: 950, thresholdPermille: 950 });
  });

  it("REPEAT_WINNER: the third announced win at one agency within 365 days raises it; a win outside the window or elsewhere does not count", async () => {
    const agency = await makeAgency();
    const elsewhere = await makeAgency();
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const now = await dbNow();
    const vendorTender = await makeTender(await makePaket(agency, ppk.id), { status: "EVALUATION" });
    const bidder = await makeBidder(vendorTender.id);
    const win = async (at: Date, where = agency) => {
      const tender =
        where === agency && at === now
          ? vendorTender
          : await makeTender(await makePaket(where, ppk.id), { status: "EVALUATION" });
      const bid = await db.bid.create({ data: bidRow(tender.id, bidder.vendor.id, bidder.user.id, 400_000_000n) });
      await markAwarded(tender.id, bid.id, at);
      return tender;
    };
    await win(new Date(now.getTime() - 365 * DAY)); // just outside: the window is (at - 365 days, at]
    await win(new Date(now.getTime() - 10 * DAY), elsewhere);
    await win(new Date(now.getTime() - 100 * DAY));
    const third = await win(now);
    expect(await flagged(third.id, "REPEAT_WINNER")).toBe(false);
    await win(new Date(now.getTime() - 365 * DAY + 1));
    expect(await flagged(third.id, "REPEAT_WINNER")).toBe(true);
    const row = await db.tenderRedFlag.findFirstOrThrow({ where: { tenderId: third.id, code: "REPEAT_WINNER" } });
    expect(row.detail).toEqual({ wins: 3, thresholdWins: 3, windowDays: 365 });
  });

  it("LATE_ADDENDUM: an addendum published 72 hours before the deadline in force does not raise it, one millisecond later does", async () => {
    const made = await makeOpenedTender();
    const deadline = new Date("2026-11-20T10:00:00Z");
    const addendum = (publishedAt: Date) =>
      db.auditEvent.create({
        data: {
          occurredAt: publishedAt,
          actorLabel: "uji",
          action: "tender.addendumPublished",
          entityType: "Tender",
          entityId: made.tender.id,
          data: { documentId: randomUUID(), bidDeadline: deadline.toISOString() },
          mac: Buffer.alloc(32),
        },
      });
    await addendum(new Date(deadline.getTime() - 72 * H));
    expect(await flagged(made.tender.id, "LATE_ADDENDUM")).toBe(false);
    await addendum(new Date(deadline.getTime() - 72 * H + 1));
    expect(await flagged(made.tender.id, "LATE_ADDENDUM")).toBe(true);
  });

  it("LATE_DEADLINE_MOVE: a person moving the deadline inside 48 hours raises it; the rules' moves (no person) and earlier moves do not", async () => {
    const made = await makeOpenedTender();
    const stage = await db.tenderStage.findFirstOrThrow({
      where: { tenderId: made.tender.id, kind: "UPLOAD_PENAWARAN" },
    });
    const move = (hoursBefore: number, changedById: string | null) =>
      db.scheduleChange.create({
        data: {
          tenderId: made.tender.id,
          stageId: stage.id,
          oldStartsAt: stage.startsAt,
          oldEndsAt: stage.endsAt,
          newStartsAt: stage.startsAt,
          newEndsAt: new Date(stage.endsAt.getTime() + DAY),
          reason: "uji",
          changedById,
          changedAt: new Date(stage.endsAt.getTime() - hoursBefore * H),
        },
      });
    await move(48, made.pokja.userId);
    await move(1, null);
    expect(await flagged(made.tender.id, "LATE_DEADLINE_MOVE")).toBe(false);
    await move(47.999, made.pokja.userId);
    expect(await flagged(made.tender.id, "LATE_DEADLINE_MOVE")).toBe(true);
  });

  it("MANY_FAILED_ADMINISTRATION: two of four opened bids failing administration raise it, one does not", async () => {
    const made = await makeOpenedTender({ prices: [900_000_000n, 910_000_000n, 920_000_000n, 930_000_000n] });
    const fail = (i: number) =>
      db.evaluation.create({
        data: {
          tenderId: made.tender.id,
          bidId: made.bidders[i]!.bid.id,
          stage: "ADMINISTRASI",
          passed: false,
          reason: "Dokumen tidak lengkap (uji)",
          decidedById: made.pokja.userId,
          decidedAt: new Date(),
        },
      });
    await fail(0);
    expect(await flagged(made.tender.id, "MANY_FAILED_ADMINISTRATION")).toBe(false);
    await fail(1);
    expect(await flagged(made.tender.id, "MANY_FAILED_ADMINISTRATION")).toBe(true);
  });

  it("RETENDER_WON_BY_LOSER: a tender ulang won by a bidder of the failed tender raises it, naming it", async () => {
    const made = await makeAwardedTender();
    const failed = await makeTender(made.paket, { status: "FAILED" });
    await db.tender.update({ where: { id: made.tender.id }, data: { previousTenderId: failed.id } });
    expect(await flagged(made.tender.id, "RETENDER_WON_BY_LOSER")).toBe(false);
    const winner = await db.bid.findUniqueOrThrow({ where: { id: made.winner.bid.id } });
    await db.bid.create({ data: bidRow(failed.id, winner.vendorId, winner.submittedById, 1n) });
    expect(await flagged(made.tender.id, "RETENDER_WON_BY_LOSER")).toBe(true);
    const row = await db.tenderRedFlag.findFirstOrThrow({
      where: { tenderId: made.tender.id, code: "RETENDER_WON_BY_LOSER" },
    });
    expect(row.detail).toEqual({ previousTender: failed.code });
  });

  it("COMPENSATED: one compensation raises it", async () => {
    const made = await makeOpenedTender();
    expect(await flagged(made.tender.id, "COMPENSATED")).toBe(false);
    const stage = await db.tenderStage.findFirstOrThrow({ where: { tenderId: made.tender.id, kind: "EVALUASI" } });
    const now = await dbNow();
    const outage = await db.outage.create({
      data: {
        cause: "UNKNOWN",
        scope: "INSTANCE",
        role: "WEB",
        startsAt: new Date(now.getTime() - 2 * H),
        endsAt: new Date(now.getTime() - H),
        recordedAt: now,
      },
    });
    await db.compensation.create({
      data: {
        outageId: outage.id,
        tenderId: made.tender.id,
        stageId: stage.id,
        stageKind: "EVALUASI",
        lostSeconds: 3600,
        extensionSeconds: 3600,
        oldEndsAt: stage.endsAt,
        newEndsAt: new Date(stage.endsAt.getTime() + H),
        createdAt: now,
      },
    });
    expect(await flagged(made.tender.id, "COMPENSATED")).toBe(true);
  });

  it("CANCELLED, through the lifecycle's one writer: the cancellation raises it in its own transaction", async () => {
    setUpTestInstanceKey();
    const agency = await makeAgency();
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const tender = await makeTender(await makePaket(agency, ppk.id), { status: "DRAFT" });
    expect(await flagsOf(tender.id)).toEqual([]);
    await db.$transaction((tx) =>
      applyTenderEvent(
        tx,
        tender.id,
        { kind: "cancelled", endReason: "Anggaran tidak tersedia (uji)." },
        { actor: null },
      ),
    );
    expect(await flagsOf(tender.id)).toContain("CANCELLED");
  });

  it("a tender that does not exist is no error", async () => {
    await expect(refresh(randomUUID())).resolves.toBeUndefined();
  });
});
