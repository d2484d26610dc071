import { describe, expect, it } from "vitest";
import { approveOpening } from "@/modules/bids/server/opening/approve-opening";
import { makeTenderWithBids, passDeadline } from "@/modules/bids/testing/opening.fixture";
import { makeBidder, makeSealedBidTender, makeSubmittedBid, markAwarded } from "@/tests/factories";
import { db } from "@/server/db";
import { findPublicBidSummary, PARTICIPANTS_PER_PAGE } from "./find-public-bid-summary";

const onePage = { participantCount: 0, page: 1, pageCount: 1 };

describe("findPublicBidSummary", () => {
  it("shows registered participants while bidding is open, and the number of bids only once they are opened", async () => {
    const { tender, members } = await makeTenderWithBids([{ price: 452_750_000n }, { price: 470_125_500n }]);
    await makeBidder(tender.id); // registered, sends no bid

    const open = await findPublicBidSummary(tender.id);
    expect(open).toEqual({
      ...onePage,
      participantCount: 3,
      bidCount: null,
      isRevealed: false,
      participants: [1, 2, 3].map((number) => ({ number, name: null })),
    });

    await passDeadline(tender.id);
    expect((await findPublicBidSummary(tender.id))?.bidCount).toBeNull();

    for (const member of members.slice(0, 2))
      await approveOpening(member.actor, { tenderId: tender.id, passphrase: member.passphrase });
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).openedAt).not.toBeNull();
    expect(await findPublicBidSummary(tender.id)).toMatchObject({
      bidCount: 2,
      participants: [{ number: 1 }, { number: 2 }, { number: 3 }],
    });
  });

  it("shows participants only as numbers until the winner is announced, then by name", async () => {
    const { tender } = await makeSealedBidTender();
    const first = await makeBidder(tender.id);
    const second = await makeBidder(tender.id);
    // the second registered a minute later: order by registration, not by the wall clock
    const firstAt = (
      await db.tenderParticipant.findFirstOrThrow({ where: { tenderId: tender.id, vendorId: first.vendor.id } })
    ).registeredAt;
    await db.tenderParticipant.updateMany({
      where: { tenderId: tender.id, vendorId: second.vendor.id },
      data: { registeredAt: new Date(firstAt.getTime() + 60_000) },
    });
    const running = await findPublicBidSummary(tender.id);
    expect(running).toEqual({
      ...onePage,
      participantCount: 2,
      bidCount: null,
      isRevealed: false,
      participants: [
        { number: 1, name: null },
        { number: 2, name: null },
      ],
    });
    expect(JSON.stringify(running)).not.toContain(first.vendor.name);
    // the first won with the one bid (an AWARDED tender has its winner: migration 20261208100000)
    await markAwarded(tender.id, (await makeSubmittedBid(tender.id, { vendorId: first.vendor.id })).bid.id);
    const awarded = await findPublicBidSummary(tender.id);
    expect(awarded?.participants.map((p) => p.name)).toEqual([first.vendor.name, second.vendor.name]);
    expect(awarded?.bidCount).toBe(1);
  });

  it("pages the participants in registration order, numbered across pages, and counts them all", async () => {
    const { tender } = await makeSealedBidTender();
    const total = PARTICIPANTS_PER_PAGE + 1;
    const vendors = await db.vendor.createManyAndReturn({
      data: Array.from({ length: total }, (_, i) => ({
        name: `CV Peserta ${i}`,
        businessForm: "CV",
        npwp: `${tender.id}-${i}`,
        nib: `${tender.id}-${i}`,
        address: "Jl. Uji",
        city: "Kota Uji",
        province: "Papua",
        email: `peserta-${i}@uji.segel.test`,
        status: "VERIFIED" as const,
      })),
      select: { id: true },
    });
    const start = Date.UTC(2026, 0, 1);
    await db.tenderParticipant.createMany({
      data: vendors.map((v, i) => ({
        tenderId: tender.id,
        vendorId: v.id,
        registeredAt: new Date(start + i * 60_000),
      })),
    });
    await markAwarded(tender.id, (await makeSubmittedBid(tender.id, { vendorId: vendors[0]!.id })).bid.id);

    const first = await findPublicBidSummary(tender.id);
    expect([first?.participantCount, first?.page, first?.pageCount, first?.participants.length]).toEqual([
      total,
      1,
      2,
      PARTICIPANTS_PER_PAGE,
    ]);
    expect(first?.participants[0]).toEqual({ number: 1, name: "CV Peserta 0" });
    const second = await findPublicBidSummary(tender.id, 2);
    expect(second?.participants).toEqual([{ number: total, name: `CV Peserta ${total - 1}` }]);
    // past the end the last page, before the start the first: never an empty list or an error
    expect((await findPublicBidSummary(tender.id, 99))?.page).toBe(2);
    expect((await findPublicBidSummary(tender.id, -1))?.page).toBe(1);
  });

  it("hides a draft tender", async () => {
    const { tender } = await makeSealedBidTender();
    await db.tender.update({ where: { id: tender.id }, data: { status: "DRAFT", publishedAt: null } });
    expect(await findPublicBidSummary(tender.id)).toBeNull();
  });
});
