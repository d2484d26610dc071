import { describe, expect, it } from "vitest";
import { makeBidder } from "@/tests/factories";
import { db } from "@/server/db";
import { makeAwardReadyTender } from "@/modules/evaluation/testing/evaluate";
import { announceWinner } from "./announce-winner";
import { findOwnResults } from "./find-own-results";

describe("findOwnResults", () => {
  it("says 'not announced' before, and shows only the bidder's own result after", async () => {
    const ctx = await makeAwardReadyTender();
    const [first, second] = ctx.bidders;
    expect(await findOwnResults(second!.actor, ctx.tender.id)).toMatchObject({ isAnnounced: false, result: null });
    await announceWinner(ctx.pokja, { tenderId: ctx.tender.id });
    const own = await findOwnResults(second!.actor, ctx.tender.id);
    expect(own.result).toMatchObject({
      bidId: second!.bid.id,
      vendorName: second!.vendor.name,
      rank: 2,
      role: "RESERVE_1",
    });
    expect(own.result!.stages.map((s) => s.stage)).toEqual([
      "ADMINISTRASI",
      "KUALIFIKASI",
      "TEKNIS",
      "HARGA",
      "PEMBUKTIAN",
    ]);
    expect((await findOwnResults(first!.actor, ctx.tender.id)).result).toMatchObject({ role: "WINNER" });
  });

  it("refuses a vendor that took no part, the Pokja and the PPK", async () => {
    const ctx = await makeAwardReadyTender();
    await announceWinner(ctx.pokja, { tenderId: ctx.tender.id });
    const stranger = await makeBidder(ctx.tender.id, { registered: false });
    for (const actor of [stranger.actor, ctx.pokja, ctx.ppk])
      await expect(findOwnResults(actor, ctx.tender.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // a registered participant without a bid sees that it has no result
    const registered = await makeBidder(ctx.tender.id);
    expect(await findOwnResults(registered.actor, ctx.tender.id)).toMatchObject({ isAnnounced: true, result: null });
    expect(await db.bid.count({ where: { tenderId: ctx.tender.id } })).toBe(2);
  });
});
