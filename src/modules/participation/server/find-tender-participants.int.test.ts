import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { makeBidder, makeOpenedTender } from "@/tests/factories";
import { findTenderParticipants } from "./find-tender-participants";

describe("findTenderParticipants", () => {
  it("gives the Pokja every registered vendor and, before the opening, only the number of bids", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({
      opened: false,
      status: "PUBLISHED",
      prices: [100n, 200n],
    });
    const onlyRegistered = await makeBidder(tender.id);
    // a bid withdrawn (replaced) does not stand
    await db.bid.update({ where: { id: bidders[1]!.bid.id }, data: { status: "WITHDRAWN" } });
    const view = await findTenderParticipants(pokja, tender.id);
    expect(view.participantCount).toBe(3);
    expect(view.participants.map((p) => p.name).sort()).toEqual(
      [...bidders.map((b) => b.vendor.name), onlyRegistered.vendor.name].sort(),
    );
    expect(view.submittedCount).toBe(1);
    expect(view.submittedBids).toBeNull();
  });

  it("lists the standing bids by vendor once the bids are opened", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ prices: [100n, 200n] });
    const view = await findTenderParticipants(pokja, tender.id);
    expect(view.submittedCount).toBe(2);
    expect(view.submittedBids!.map((b) => b.vendorName)).toEqual(bidders.map((b) => b.vendor.name));
  });

  it("is NOT_FOUND for a PPK, a vendor and a Pokja member of another tender", async () => {
    const { ppk, tender, bidders } = await makeOpenedTender();
    const other = await makeOpenedTender();
    for (const actor of [ppk, bidders[0]!.actor, other.pokja]) {
      await expect(findTenderParticipants(actor, tender.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
