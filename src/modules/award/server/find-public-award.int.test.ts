import { describe, expect, it } from "vitest";
import { makeAwardReadyTender } from "@/modules/evaluation/testing/evaluate";
import { db } from "@/server/db";
import { announceWinner } from "./announce-winner";
import { findPublicAward } from "./find-public-award";

describe("findPublicAward", () => {
  it("is hidden before the announcement and shows names, prices and reasons after", async () => {
    const ctx = await makeAwardReadyTender({ prices: [900_000_000n, 950_000_000n, 1_100_000_000n] });
    expect(await findPublicAward(ctx.tender.code)).toBeNull();
    await announceWinner(ctx.pokja, { tenderId: ctx.tender.id });
    const award = (await findPublicAward(ctx.tender.code))!;
    const [winner, reserve, above] = ctx.bidders;
    expect(award.winner).toMatchObject({
      vendorName: winner!.vendor.name,
      correctedPrice: 900_000_000n,
      role: "WINNER",
      rank: 1,
    });
    expect(award.winner!.npwpMasked).toMatch(/^\d{2}\*+\d{3}$/);
    expect(award.reserves.map((r) => r.vendorName)).toEqual([reserve!.vendor.name]);
    const failed = award.results.find((r) => r.vendorName === above!.vendor.name)!;
    expect(failed.rank).toBeNull();
    expect(failed.stages.find((s) => s.stage === "HARGA")).toMatchObject({
      passed: false,
      reason: expect.stringContaining("melebihi HPS"),
    });
    expect(award.results.map((r) => r.vendorName)).toEqual([
      winner!.vendor.name,
      reserve!.vendor.name,
      above!.vendor.name,
    ]);
  });

  it("states when the sanggah window ends: the announcement plus the procedure's sanggah days", async () => {
    const ctx = await makeAwardReadyTender();
    await announceWinner(ctx.pokja, { tenderId: ctx.tender.id });
    const award = (await findPublicAward(ctx.tender.code))!;
    const { sanggahDays } = await db.procedureConfig.findFirstOrThrow({
      where: { tenders: { some: { id: ctx.tender.id } } },
      select: { sanggahDays: true },
    });
    expect(sanggahDays).toBe(5);
    expect(award.tender.sanggahEndsAt).toEqual(new Date(award.tender.announcedAt!.getTime() + 5 * 86_400_000));
    // a procedure without a masa sanggah states none
    const procedure = { tenders: { some: { id: ctx.tender.id } } };
    await db.procedureConfig.updateMany({ where: procedure, data: { sanggahDays: 0 } });
    try {
      expect((await findPublicAward(ctx.tender.code))!.tender.sanggahEndsAt).toBeNull();
    } finally {
      await db.procedureConfig.updateMany({ where: procedure, data: { sanggahDays } });
    }
  });

  it("answers null for an unknown code", async () => {
    expect(await findPublicAward("TIDAK-ADA")).toBeNull();
  });
});
