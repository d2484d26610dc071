import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makeOpenedTender, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { makeSeleksiTender, openPrices, passPriceAndRank, passTechnical } from "../testing/seleksi";
import { recordEvaluation } from "./record-evaluation";
import { recordNegotiation } from "./record-negotiation";

const MINUTES = "Klarifikasi dan negosiasi teknis dan biaya telah dilaksanakan bersama penyedia.";
const HPS = 1_000_000_000n;

/** Three bidders, technical 90 / 80 / 60 (the last below the grade 70), prices opened for the first two. */
async function biayaTerendahReady() {
  const ctx = await makeSeleksiTender("BIAYA_TERENDAH", {
    hps: HPS,
    prices: [900_000_000n, 850_000_000n, 700_000_000n],
  });
  const [a, b, c] = ctx.bidders.map((x) => x.bid.id) as [string, string, string];
  await passTechnical(ctx.pokja, ctx.tender.id, a, 90_000);
  await passTechnical(ctx.pokja, ctx.tender.id, b, 80_000);
  await passTechnical(ctx.pokja, ctx.tender.id, c, 60_000);
  await openPrices([a, b]);
  await passPriceAndRank(ctx.pokja, ctx.tender.id, [a, b]);
  return { ...ctx, a, b, c };
}

describe("seleksi evaluation", () => {
  it("fails a technical score below the passing grade with that reason; exactly the grade passes", async () => {
    const { pokja, tender, bidders } = await makeSeleksiTender("KUALITAS");
    const [edge, below] = bidders.map((b) => b.bid.id) as [string, string];
    await passTechnical(pokja, tender.id, edge, 70_000);
    await passTechnical(pokja, tender.id, below, 69_999);
    const rows = await db.evaluation.findMany({ where: { tenderId: tender.id, stage: "TEKNIS" } });
    expect(rows.find((r) => r.bidId === edge)).toMatchObject({ passed: true });
    const failed = rows.find((r) => r.bidId === below)!;
    expect(failed.passed).toBe(false);
    expect(failed.reason).toContain("di bawah nilai ambang batas 70");
    expect(failed.technicalScore?.toString()).toBe("69.999");
  });

  it("refuses a price evaluation before the bid's price envelope is opened, and writes nothing", async () => {
    const { pokja, tender, bidders } = await makeSeleksiTender("BIAYA_TERENDAH");
    const bidId = bidders[0]!.bid.id;
    await passTechnical(pokja, tender.id, bidId, 85_000);
    await expect(
      recordEvaluation(pokja, { tenderId: tender.id, bidId, stage: "HARGA", passed: true, reason: MINUTES }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "consultancy.priceNotOpened" });
    expect(await db.evaluation.count({ where: { bidId, stage: "HARGA" } })).toBe(0);
    await openPrices([bidId]);
    await expect(
      recordEvaluation(pokja, { tenderId: tender.id, bidId, stage: "HARGA", passed: true, reason: MINUTES }),
    ).resolves.toMatchObject({ passed: true });
  });

  it("fails a price above the pagu under pagu anggaran; exactly the pagu passes", async () => {
    // PostgreSQL holds HPS within the pagu (Paket_hps_within_pagu), so HPS = pagu is the edge
    const { pokja, tender, bidders, paket } = await makeSeleksiTender("PAGU_ANGGARAN", { prices: [550n, 551n] });
    await db.paket.update({ where: { id: paket.id }, data: { hps: 550n, pagu: 550n } });
    const [within, above] = bidders.map((b) => b.bid.id) as [string, string];
    for (const id of [within, above]) await passTechnical(pokja, tender.id, id, 80_000);
    await openPrices([within, above]);
    const harga = (bidId: string) =>
      recordEvaluation(pokja, { tenderId: tender.id, bidId, stage: "HARGA", passed: true, reason: MINUTES });
    expect((await harga(within)).passed).toBe(true);
    expect((await harga(above)).passed).toBe(false);
  });
});

describe("recordNegotiation", () => {
  it("agrees with the first ranked at a lower price, with the minutes and an audit event", async () => {
    const { pokja, tender, b } = await biayaTerendahReady();
    // biaya terendah: b (850 jt) ranks first
    await recordNegotiation(pokja, {
      tenderId: tender.id,
      bidId: b,
      outcome: "AGREED",
      agreedPrice: 800_000_000n,
      minutes: MINUTES,
    });
    const row = await db.negotiation.findUniqueOrThrow({
      where: { tenderId_bidId: { tenderId: tender.id, bidId: b } },
    });
    expect(row).toMatchObject({ outcome: "AGREED", agreedPrice: 800_000_000n, negotiatedById: pokja.userId });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "negotiation.recorded", entityId: tender.id },
    });
    expect(audit.data).toMatchObject({ bidId: b, outcome: "AGREED" });
  });

  it("refuses a bid that is not the first, then after a failure moves to the next and refuses the failed one", async () => {
    const { pokja, tender, a, b, c } = await biayaTerendahReady();
    for (const bidId of [a, c])
      await expect(
        recordNegotiation(pokja, {
          tenderId: tender.id,
          bidId,
          outcome: "FAILED",
          agreedPrice: null,
          minutes: MINUTES,
        }),
      ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "consultancy.negotiationNotTheTurn" });
    await recordNegotiation(pokja, {
      tenderId: tender.id,
      bidId: b,
      outcome: "FAILED",
      agreedPrice: null,
      minutes: MINUTES,
    });
    await expect(
      recordNegotiation(pokja, { tenderId: tender.id, bidId: b, outcome: "AGREED", agreedPrice: 1n, minutes: MINUTES }),
    ).rejects.toMatchObject({ messageKey: "consultancy.negotiationNotTheTurn" });
    await recordNegotiation(pokja, {
      tenderId: tender.id,
      bidId: a,
      outcome: "AGREED",
      agreedPrice: 900_000_000n,
      minutes: MINUTES,
    });
    await expect(
      recordNegotiation(pokja, { tenderId: tender.id, bidId: a, outcome: "AGREED", agreedPrice: 1n, minutes: MINUTES }),
    ).rejects.toMatchObject({ messageKey: "consultancy.negotiationAlreadyAgreed" });
    expect(await db.negotiation.count({ where: { tenderId: tender.id } })).toBe(2);
  });

  it("refuses an agreed price above the offer or above HPS, and writes nothing", async () => {
    const { pokja, tender, b } = await biayaTerendahReady();
    await expect(
      recordNegotiation(pokja, {
        tenderId: tender.id,
        bidId: b,
        outcome: "AGREED",
        agreedPrice: 850_000_001n,
        minutes: MINUTES,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { agreedPrice: ["consultancy.agreedAboveOffer"] } });
    // an offer above HPS cannot reach negotiation (it fails the price stage), so HPS is tested on the offer's own edge
    await db.paket.update({
      where: { id: (await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).paketId },
      data: { hps: 849_999_999n },
    });
    await expect(
      recordNegotiation(pokja, {
        tenderId: tender.id,
        bidId: b,
        outcome: "AGREED",
        agreedPrice: 850_000_000n,
        minutes: MINUTES,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { agreedPrice: ["consultancy.agreedAboveHps"] } });
    expect(await db.negotiation.count({ where: { tenderId: tender.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "negotiation.recorded" } })).toBe(0);
  });

  it("refuses a PPK, a vendor, a Pokja of another tender or agency", async () => {
    const { ppk, agency, tender, bidders, b } = await biayaTerendahReady();
    const other = await makeOpenedTender();
    const sameAgencyPokja = actorFor(await makeUser([{ role: "POKJA", agencyId: agency.id }]));
    const otherAgencyPokja = actorFor(await makeUser([{ role: "POKJA", agencyId: (await makeAgency()).id }]));
    for (const actor of [ppk, bidders[0]!.actor, other.pokja, sameAgencyPokja, otherAgencyPokja])
      await expect(
        recordNegotiation(actor, {
          tenderId: tender.id,
          bidId: b,
          outcome: "FAILED",
          agreedPrice: null,
          minutes: MINUTES,
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.negotiation.count()).toBe(0);
  });

  it("refuses before the negotiation stage, on a tender that does not negotiate, and before the ranking", async () => {
    const early = await biayaTerendahReady();
    await db.tenderStage.updateMany({
      where: { tenderId: early.tender.id, kind: "KLARIFIKASI_NEGOSIASI" },
      data: { startsAt: new Date(early.now.getTime() + 3_600_000), endsAt: new Date(early.now.getTime() + 7_200_000) },
    });
    await expect(
      recordNegotiation(early.pokja, {
        tenderId: early.tender.id,
        bidId: early.b,
        outcome: "FAILED",
        agreedPrice: null,
        minutes: MINUTES,
      }),
    ).rejects.toMatchObject({ messageKey: "consultancy.negotiationNotYet" });

    const plain = await makeOpenedTender();
    await expect(
      recordNegotiation(plain.pokja, {
        tenderId: plain.tender.id,
        bidId: plain.bidders[0]!.bid.id,
        outcome: "FAILED",
        agreedPrice: null,
        minutes: MINUTES,
      }),
    ).rejects.toMatchObject({ messageKey: "consultancy.negotiationNotInProcedure" });

    const unranked = await makeSeleksiTender("BIAYA_TERENDAH");
    await expect(
      recordNegotiation(unranked.pokja, {
        tenderId: unranked.tender.id,
        bidId: unranked.bidders[0]!.bid.id,
        outcome: "FAILED",
        agreedPrice: null,
        minutes: MINUTES,
      }),
    ).rejects.toMatchObject({ messageKey: "consultancy.negotiationNotRanked" });
  });

  it("kualitas: negotiates by the technical order and needs the first's price evaluated", async () => {
    const { pokja, tender, bidders } = await makeSeleksiTender("KUALITAS");
    const [a, b] = bidders.map((x) => x.bid.id) as [string, string];
    await passTechnical(pokja, tender.id, a, 75_000);
    await passTechnical(pokja, tender.id, b, 95_000);
    await expect(
      recordNegotiation(pokja, { tenderId: tender.id, bidId: b, outcome: "AGREED", agreedPrice: 1n, minutes: MINUTES }),
    ).rejects.toMatchObject({ messageKey: "consultancy.negotiationPriceNotEvaluated" });
    await openPrices([b]);
    await passPriceAndRank(pokja, tender.id, [b]);
    await expect(
      recordNegotiation(pokja, {
        tenderId: tender.id,
        bidId: a,
        outcome: "FAILED",
        agreedPrice: null,
        minutes: MINUTES,
      }),
    ).rejects.toMatchObject({ messageKey: "consultancy.negotiationNotTheTurn" });
    await recordNegotiation(pokja, {
      tenderId: tender.id,
      bidId: b,
      outcome: "FAILED",
      agreedPrice: null,
      minutes: MINUTES,
    });
    // the next in technical order, whose price is still sealed
    await expect(
      recordNegotiation(pokja, { tenderId: tender.id, bidId: a, outcome: "AGREED", agreedPrice: 1n, minutes: MINUTES }),
    ).rejects.toMatchObject({ messageKey: "consultancy.negotiationPriceNotEvaluated" });
  });
});
