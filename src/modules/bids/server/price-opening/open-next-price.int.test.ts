import { describe, expect, it } from "vitest";
import { formatRupiah } from "@/lib/money";
import { db } from "@/server/db";
import { objectStore } from "@/server/object-store";
import { inPdfTransaction } from "@/server/pdf";
import type { NextPriceOpeningRecord } from "../../domain/opening-record";
import { pdfText, readDocument } from "../../testing/opening.fixture";
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

/** KUALITAS, technical scores 80 / 90 / 75 (all pass 70): the price opening opens the 90's only. */
async function kualitasPricesOpened() {
  const made = await makeTwoEnvelopeTender([500_000_000n, 450_000_000n, 420_000_000n], { method: "KUALITAS" });
  await openFirstEnvelope(made.tender.id, made.members);
  for (const [i, bidder] of made.bidders.entries())
    await recordTechnical(made.tender.id, bidder.bidId, [80, 90, 75][i]!, made.members[0]!.user.id);
  await startPriceStage(made.tender.id);
  for (const m of made.members.slice(1))
    await approvePriceOpening(m.actor, { tenderId: made.tender.id, passphrase: m.passphrase });
  return made;
}

const beritaAcaraOf = (tenderId: string) =>
  db.document.findMany({ where: { tenderId, kind: "BERITA_ACARA" }, orderBy: { createdAt: "asc" } });
const nextEvents = (tenderId: string) =>
  db.auditEvent.findMany({
    where: { action: "bid.priceOpened", data: { path: ["tenderId"], equals: tenderId } },
    orderBy: { seq: "asc" },
  });

describe("openNextPrice's Berita Acara", () => {
  it("stores one Berita Acara Pembukaan Harga (Lanjutan) per envelope it opens, naming the bid and the failed negotiations; a refused call stores none", async () => {
    const made = await kualitasPricesOpened();
    const tenderId = made.tender.id;
    const pokja = made.members[0]!;
    const vendor = (i: number) => made.bidders[i]!.vendor.name;
    const first = await beritaAcaraOf(tenderId); // Pembukaan and Pembukaan Harga
    expect(first).toHaveLength(2);

    // refused: no failed negotiation yet (wrong state), the PPK (wrong role): nothing stored
    await expect(inPdfTransaction((tx) => openNextPrice(tx, pokja.actor, tenderId))).rejects.toMatchObject({
      messageKey: "priceNextNegotiationNotFailed",
    });
    await failNegotiation(made, 1);
    await expect(inPdfTransaction((tx) => openNextPrice(tx, made.ppk, tenderId))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await beritaAcaraOf(tenderId)).toHaveLength(2);

    // after the failed negotiation with the first-ranked: the next one's envelope, and one more BA
    expect(await inPdfTransaction((tx) => openNextPrice(tx, pokja.actor, tenderId))).toMatchObject({
      bidId: made.bidders[0]!.bidId,
      price: 500_000_000n,
    });
    const afterOne = await beritaAcaraOf(tenderId);
    expect(afterOne).toHaveLength(3);
    const ba = afterOne[2]!;
    expect(ba).toMatchObject({ isPublic: false, mimeType: "application/pdf", uploadedById: pokja.user.id });
    const [event] = await nextEvents(tenderId);
    const record = event!.data as unknown as NextPriceOpeningRecord & {
      beritaAcara: { documentId: string; sha256: string };
    };
    expect(record.beritaAcara).toEqual({ documentId: ba.id, sha256: ba.sha256 });
    expect(record.bid.bidId).toBe(made.bidders[0]!.bidId);
    expect(record.failedNegotiations.map((n) => n.bidId)).toEqual([made.bidders[1]!.bidId]);
    expect(record.sealed.map((b) => b.bidId)).toEqual([made.bidders[2]!.bidId]);
    const text = pdfText(await readDocument(ba.storageKey));
    expect(text).toContain("BERITA ACARA PEMBUKAAN HARGA (LANJUTAN)");
    expect(text).toContain(made.tender.code);
    expect(text).toContain(`1. ${vendor(0)}`); // the envelope opened
    expect(text).toContain(formatRupiah(500_000_000n));
    expect(text).toContain(`1. ${vendor(1)} - dicatat oleh`); // the failed negotiation
    expect(text).toContain(pokja.user.name);
    expect(text).toMatch(/Waktu pembukaan harga: \s*\d+ \w+ \d{4} \d{2}\.\d{2}(\.\d{2})? WIB/);
    expect(text).toContain("Sampul harga yang tidak dibuka: 1");
    expect(text).not.toContain(formatRupiah(420_000_000n)); // the sealed one's price is nobody's business

    // a second failure opens the third envelope, with a second BA naming both failures
    await failNegotiation(made, 0);
    await inPdfTransaction((tx) => openNextPrice(tx, pokja.actor, tenderId));
    const afterTwo = await beritaAcaraOf(tenderId);
    expect(afterTwo).toHaveLength(4);
    const second = pdfText(await readDocument(afterTwo[3]!.storageKey));
    expect(second).toContain(`1. ${vendor(2)}`);
    expect(second).toContain(vendor(1));
    expect(second).toContain(vendor(0));
    expect(second).toContain("sampul harga ke-3");
    expect(second).toContain("Sampul harga yang tidak dibuka: 0");

    // the Pokja's desk links both, after the first price BA
    const view = await getPriceOpeningView(pokja.actor, tenderId);
    expect(view!.result!.laterBeritaAcara).toEqual([
      { bidId: made.bidders[0]!.bidId, vendorName: vendor(0), documentId: ba.id },
      { bidId: made.bidders[2]!.bidId, vendorName: vendor(2), documentId: afterTwo[3]!.id },
    ]);

    // nothing left to open: no envelope, no BA
    await failNegotiation(made, 2);
    expect(await inPdfTransaction((tx) => openNextPrice(tx, pokja.actor, tenderId))).toBeNull();
    expect(await beritaAcaraOf(tenderId)).toHaveLength(4);
  });

  it("leaves no Berita Acara file behind when the caller's transaction fails after the opening", async () => {
    const made = await kualitasPricesOpened();
    const tenderId = made.tender.id;
    await failNegotiation(made, 1);
    const objects = async () => (await objectStore().list("objects")).length;
    const [rows, files] = [(await beritaAcaraOf(tenderId)).length, await objects()];

    // as the negotiation's transaction: the opening stores its BA, then something later fails
    await expect(
      inPdfTransaction(async (tx, stored) => {
        const opened = await openNextPrice(tx, made.members[0]!.actor, tenderId);
        stored.keep(opened?.discard);
        expect(await objects()).toBe(files + 1);
        throw new Error("a later step of the caller fails");
      }),
    ).rejects.toThrow("a later step of the caller fails");
    expect(await beritaAcaraOf(tenderId)).toHaveLength(rows);
    expect(await objects()).toBe(files);
    expect(await db.bid.count({ where: { tenderId, priceOpenedAt: { not: null } } })).toBe(1);
  });
});
