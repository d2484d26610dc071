import { describe, expect, it } from "vitest";
import { actorFor, makeUser } from "@/tests/factories";
import { makeTenderWithBids } from "../../testing/opening.fixture";
import { db } from "@/server/db";
import { inPdfTransaction } from "@/server/pdf";
import { openedKeyContext, priceShareContext } from "../../domain/at-rest-cipher";
import { combineShares } from "../../domain/shamir";
import { decodePublicKey, publicKeyOf } from "../../domain/x25519";
import { openKey } from "../../domain/envelope";
import { readSealedPrice } from "../../domain/price-seal";
import type { OpenedBid, PriceOpeningRecord } from "../../domain/opening-record";
import { unwrapAtRest } from "../opening/at-rest-key";
import { findOpenedFiles } from "../opening/find-opened-files";
import { readOpenedBidFile } from "../opening/read-opened-bid-file";
import {
  failNegotiation,
  makeTwoEnvelopeTender,
  openFirstEnvelope,
  recordTechnical,
  startPriceStage,
} from "../../testing/two-envelopes.fixture";
import { approvePriceOpening } from "./approve-price-opening";
import { getPriceOpeningView } from "./get-price-opening-view";
import { openNextPrice } from "./open-next-price";
import { openPrices } from "./open-prices";

type Made = Awaited<ReturnType<typeof makeTwoEnvelopeTender>>;
const approve = (made: Made, i: number, passphrase = made.members[i]!.passphrase) =>
  approvePriceOpening(made.members[i]!.actor, { tenderId: made.tender.id, passphrase });
const bidsOf = (tenderId: string) =>
  db.bid.findMany({ where: { tenderId }, select: { id: true, openedPrice: true, priceOpenedAt: true } });

/** Opened, evaluated to TEKNIS with these scores (in bid order), the price stage begun. */
async function readyForPriceOpening(made: Made, scores: number[]) {
  await openFirstEnvelope(made.tender.id, made.members);
  for (const [i, bidder] of made.bidders.entries())
    await recordTechnical(made.tender.id, bidder.bidId, scores[i]!, made.members[0]!.user.id);
  await startPriceStage(made.tender.id);
}

describe("two envelopes", () => {
  it("seals the price to its own key: the first opening leaves it unreadable even with the at-rest key; k approvals then open exactly the passing bids", async () => {
    const made = await makeTwoEnvelopeTender([410_000_000n, 395_000_000n, 380_000_000n]);
    const keys = await db.tender.findUniqueOrThrow({
      where: { id: made.tender.id },
      select: { openingPublicKey: true, pricePublicKey: true },
    });
    expect(keys.pricePublicKey).toBeTruthy();
    expect(keys.pricePublicKey).not.toBe(keys.openingPublicKey);
    expect(await db.tenderPriceKeyShare.count({ where: { tenderId: made.tender.id } })).toBe(3);

    await openFirstEnvelope(made.tender.id, made.members);
    const tender = await db.tender.findUniqueOrThrow({ where: { id: made.tender.id } });
    expect(tender.openedAt).not.toBeNull();
    expect((await bidsOf(made.tender.id)).every((b) => b.openedPrice === null && b.priceOpenedAt === null)).toBe(true);
    const opening = await db.auditEvent.findFirstOrThrow({
      where: { entityId: made.tender.id, action: "tender.opened" },
    });
    const firstBids = (opening.data as unknown as { bids: OpenedBid[] }).bids;
    for (const bid of firstBids) {
      expect(bid).toMatchObject({ price: null, priceStatus: "PRICE_ENVELOPE" });
      expect(bid.files.find((f) => f.part === "TEKNIS")?.status).toBe("OK");
      expect(bid.files.find((f) => f.part === "HARGA")).toMatchObject({ status: "PRICE_ENVELOPE", fileName: null });
    }
    expect(await db.bidDefect.count({ where: { bid: { tenderId: made.tender.id } } })).toBe(0);

    // the insider: a database dump plus the at-rest key give the OPENING key, which opens no price
    const openedKey = await unwrapAtRest(tender.openedKeyWrapped!, openedKeyContext(tender.id));
    const sealed = await db.bid.findFirstOrThrow({ where: { tenderId: tender.id }, include: { files: true } });
    expect(() => readSealedPrice(openedKey, sealed.sealedPrice)).toThrow();
    expect(() => openKey(openedKey, sealed.files.find((f) => f.part === "HARGA")!.wrappedKey)).toThrow();
    expect(tender.priceKeyWrapped).toBeNull();
    // and the Pokja cannot read a HARGA file before the price opening
    const harga = sealed.files.find((f) => f.part === "HARGA")!;
    await expect(readOpenedBidFile(made.members[0]!.actor, harga.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    for (const [i, bidder] of made.bidders.entries())
      await recordTechnical(made.tender.id, bidder.bidId, [85, 70, 69.999][i]!, made.members[0]!.user.id);
    await startPriceStage(made.tender.id);

    expect(await getPriceOpeningView(made.members[0]!.actor, made.tender.id)).toMatchObject({
      canApprove: true,
      threshold: 2,
      shareholders: 3,
      result: null,
    });
    // one member, even twice, is not k: nothing opens
    expect(await approve(made, 0)).toMatchObject({ approvals: 1, threshold: 2, opened: false });
    expect(await approve(made, 0)).toMatchObject({ approvals: 1, opened: false });
    expect(await openPrices(made.tender.id, null)).toEqual({ opened: false });
    // that member, with the database and the at-rest key too, holds one share: it is not the price key
    const mine = await db.priceOpeningApproval.findFirstOrThrow({ where: { tenderId: made.tender.id } });
    const share = await unwrapAtRest(mine.wrappedShare!, priceShareContext(made.tender.id, mine.userId));
    const guess = await combineShares([share]).catch(() => null);
    expect(guess !== null && publicKeyOf(guess).equals(decodePublicKey(keys.pricePublicKey!))).toBe(false);
    expect((await bidsOf(made.tender.id)).every((b) => b.openedPrice === null)).toBe(true);

    expect(await approve(made, 1)).toMatchObject({ approvals: 2, opened: true });
    const after = await bidsOf(made.tender.id);
    const [first, atGrade, below] = made.bidders.map((b) => after.find((a) => a.id === b.bidId)!);
    expect(first).toMatchObject({ openedPrice: 410_000_000n, priceOpenedAt: expect.any(Date) });
    expect(atGrade).toMatchObject({ openedPrice: 395_000_000n, priceOpenedAt: expect.any(Date) });
    expect(below).toMatchObject({ openedPrice: null, priceOpenedAt: null });
    const done = await db.tender.findUniqueOrThrow({ where: { id: made.tender.id } });
    expect(done.priceOpenedAt).not.toBeNull();
    expect(done.priceKeyWrapped).not.toBeNull();
    expect(await db.priceOpeningApproval.count({ where: { tenderId: done.id, wrappedShare: { not: null } } })).toBe(0);

    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: done.id, action: "tender.priceOpened" } });
    const record = event.data as unknown as PriceOpeningRecord & { beritaAcara: { documentId: string } };
    expect(record.bids.map((b) => b.price)).toEqual(["410000000", "395000000"]);
    expect(record.bids.every((b) => b.files.every((f) => f.part === "HARGA" && f.status === "OK"))).toBe(true);
    expect(record.sealed.map((b) => b.bidId)).toEqual([made.bidders[2]!.bidId]);
    expect(await db.document.findUnique({ where: { id: record.beritaAcara.documentId } })).toMatchObject({
      kind: "BERITA_ACARA",
      isPublic: false,
    });

    // the HARGA file of an opened bid can be read; of the sealed one it cannot
    const filesOf = (bidId: string) => db.bidFile.findFirstOrThrow({ where: { bidId, part: "HARGA" } });
    const read = await readOpenedBidFile(made.members[2]!.actor, (await filesOf(first!.id)).id);
    expect(read.content.subarray(0, 5).toString()).toBe("%PDF-");
    await expect(readOpenedBidFile(made.members[2]!.actor, (await filesOf(below!.id)).id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // the receipt check tells the vendor its HARGA file's salt once its price envelope was opened, not before
    const toldOpened = await findOpenedFiles(first!.id);
    expect(toldOpened?.find((f) => f.part === "HARGA")).toMatchObject({ status: "OK", salt: expect.any(String) });
    const toldSealed = await findOpenedFiles(below!.id);
    expect(toldSealed?.find((f) => f.part === "HARGA")).toMatchObject({ status: "PRICE_ENVELOPE", salt: null });
    const view = await getPriceOpeningView(made.members[2]!.actor, made.tender.id);
    expect(view).toMatchObject({ canApprove: false, canReadFiles: true });
    expect(view!.result!.bids.map((b) => b.price)).toEqual(["410000000", "395000000"]);
    expect(view!.result!.sealed).toHaveLength(1);
    // once only
    await expect(approve(made, 2)).rejects.toMatchObject({ messageKey: "priceOpeningAlreadyDone" });
  });

  it("KUALITAS opens the first-ranked's price only; the next one opens after a failed negotiation, not before", async () => {
    const made = await makeTwoEnvelopeTender([500_000_000n, 450_000_000n, 300_000_000n], { method: "KUALITAS" });
    await readyForPriceOpening(made, [80, 90, 50]);
    await approve(made, 1);
    await approve(made, 2);
    const opened = (await bidsOf(made.tender.id)).filter((b) => b.openedPrice !== null);
    expect(opened.map((b) => b.id)).toEqual([made.bidders[1]!.bidId]);

    const pokja = made.members[0]!.actor;
    await expect(inPdfTransaction((tx) => openNextPrice(tx, pokja, made.tender.id))).rejects.toMatchObject({
      messageKey: "priceNextNegotiationNotFailed",
    });
    const ppk = made.ppk;
    await expect(inPdfTransaction((tx) => openNextPrice(tx, ppk, made.tender.id))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await failNegotiation(made, 1);
    const next = await inPdfTransaction((tx) => openNextPrice(tx, pokja, made.tender.id));
    expect(next).toMatchObject({ bidId: made.bidders[0]!.bidId, price: 500_000_000n });
    // the third failed the grade: it stays sealed for good
    await failNegotiation(made, 0);
    expect(await inPdfTransaction((tx) => openNextPrice(tx, pokja, made.tender.id))).toBeNull();
    const third = await db.bid.findUniqueOrThrow({ where: { id: made.bidders[2]!.bidId } });
    expect(third.openedPrice).toBeNull();
  });

  it("is refused to the PPK, a member of another Pokja, before the stage, while a bid is undecided and on a one-envelope tender; nothing is stored", async () => {
    const made = await makeTwoEnvelopeTender([410_000_000n, 395_000_000n]);
    await openFirstEnvelope(made.tender.id, made.members);
    await recordTechnical(made.tender.id, made.bidders[0]!.bidId, 80, made.members[0]!.user.id);
    const outsider = actorFor(await makeUser([{ role: "POKJA", agencyId: made.agency.id }]));
    for (const actor of [made.ppk, outsider])
      await expect(
        approvePriceOpening(actor, { tenderId: made.tender.id, passphrase: made.members[0]!.passphrase }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(approve(made, 0)).rejects.toMatchObject({ messageKey: "priceOpeningBeforeStage" });
    await startPriceStage(made.tender.id);
    await expect(approve(made, 0)).rejects.toMatchObject({
      messageKey: "priceOpeningTechnicalPending",
      values: { pending: 1 },
    });
    await recordTechnical(made.tender.id, made.bidders[1]!.bidId, 75, made.members[0]!.user.id);
    await expect(approve(made, 0, "bukan kata sandinya")).rejects.toMatchObject({
      messageKey: "openingPassphraseWrong",
    });
    expect(await db.priceOpeningApproval.count({ where: { tenderId: made.tender.id } })).toBe(0);

    // a one-envelope tender has no price key and no price opening: its one opening read the prices
    const single = await makeTenderWithBids([{ price: 450_000_000n }]);
    expect((await db.tender.findUniqueOrThrow({ where: { id: single.tender.id } })).pricePublicKey).toBeNull();
    expect(await getPriceOpeningView(single.members[0]!.actor, single.tender.id)).toBeNull();
    await expect(
      approvePriceOpening(single.members[0]!.actor, {
        tenderId: single.tender.id,
        passphrase: single.members[0]!.passphrase,
      }),
    ).rejects.toMatchObject({ messageKey: "priceOpeningNotTwoFiles" });
  });
});
