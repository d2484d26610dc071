import { describe, expect, it } from "vitest";
import { makeBidder, makeSealedBidTender } from "@/tests/factories";
import { db } from "@/server/db";
import { findPublicBidSummary } from "./find-public-bid-summary";

describe("findPublicBidSummary", () => {
  it("shows participants only as numbers until the winner is announced, then by name", async () => {
    const { tender } = await makeSealedBidTender();
    const first = await makeBidder(tender.id);
    await new Promise((r) => setTimeout(r, 5));
    const second = await makeBidder(tender.id);
    const running = await findPublicBidSummary(tender.id);
    expect(running).toEqual({ bidCount: 0, isRevealed: false, participants: [{ number: 1, name: null }, { number: 2, name: null }] });
    expect(JSON.stringify(running)).not.toContain(first.vendor.name);
    await db.tender.update({ where: { id: tender.id }, data: { status: "AWARDED" } });
    const awarded = await findPublicBidSummary(tender.id);
    expect(awarded?.participants.map((p) => p.name)).toEqual([first.vendor.name, second.vendor.name]);
  });

  it("hides a draft tender", async () => {
    const { tender } = await makeSealedBidTender();
    await db.tender.update({ where: { id: tender.id }, data: { status: "DRAFT" } });
    expect(await findPublicBidSummary(tender.id)).toBeNull();
  });
});
