import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sealPrice } from "../../domain/price-seal";
import { decodePublicKey } from "../../domain/x25519";
import { db } from "@/server/db";
import { openStored } from "@/server/storage";
import type { OpeningRecord } from "../../domain/opening-record";
import { approveOpening } from "./approve-opening";
import { makeTenderWithBids, passDeadline, pdfText } from "../../testing/opening.fixture";

type Made = Awaited<ReturnType<typeof makeTenderWithBids>>;

async function openWith(made: Made, who = [0, 1]) {
  await passDeadline(made.tender.id);
  for (const i of who)
    await approveOpening(made.members[i]!.actor, { tenderId: made.tender.id, passphrase: made.members[i]!.passphrase });
}

async function openingRecord(tenderId: string) {
  const events = await db.auditEvent.findMany({ where: { entityId: tenderId, action: "tender.opened" } });
  expect(events).toHaveLength(1);
  return events[0]!.data as unknown as OpeningRecord & { beritaAcara: { documentId: string } };
}

async function beritaAcaraText(documentId: string) {
  const { storageKey } = await db.document.findUniqueOrThrow({ where: { id: documentId } });
  const parts: Buffer[] = [];
  for await (const chunk of openStored(storageKey)) parts.push(chunk as Buffer);
  return pdfText(Buffer.concat(parts));
}

describe("the opening", () => {
  it("records a tampered file as not openable, in the result and the Berita Acara, and still opens the bid", async () => {
    const made = await makeTenderWithBids([
      { price: 300_000_000n, parts: ["TEKNIS", "HARGA"] },
      { price: 310_000_000n },
    ]);
    const victim = await db.bidFile.findFirstOrThrow({ where: { bidId: made.bidders[0]!.bidId, part: "TEKNIS" } });
    const sealedPath = path.join(
      process.env.SEGEL_FILE_STORE!,
      "sealed",
      victim.storageKey.slice(0, 2),
      victim.storageKey,
    );
    const bytes = readFileSync(sealedPath);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x01;
    writeFileSync(sealedPath, bytes);

    await openWith(made);
    const record = await openingRecord(made.tender.id);
    const first = record.bids.find((b) => b.bidId === made.bidders[0]!.bidId)!;
    expect(first.files.map((f) => [f.part, f.status])).toEqual([
      ["TEKNIS", "UNOPENABLE"],
      ["HARGA", "OK"],
    ]);
    expect(first).toMatchObject({ price: "300000000", priceStatus: "OK" });
    expect(record.bids.find((b) => b.bidId === made.bidders[1]!.bidId)!.files[0]!.status).toBe("OK");
    expect(await beritaAcaraText(record.beritaAcara.documentId)).toMatch(
      /Teknis: \(nama tersegel\) - TIDAK DAPAT DIBUKA/,
    );
    expect((await db.tender.findUniqueOrThrow({ where: { id: made.tender.id } })).status).not.toBe("FAILED");
  });

  it("does not read out a price someone re-sealed in the database (the Rp0 attack): the receipt's signature tells", async () => {
    const made = await makeTenderWithBids([{ price: 480_000_000n }, { price: 470_000_000n }]);
    const target = await db.bid.findUniqueOrThrow({ where: { id: made.bidders[0]!.bidId } });
    const { publicKey } = await db.tenderOpeningKey.findUniqueOrThrow({ where: { tenderId: made.tender.id } });
    const forged = sealPrice(decodePublicKey(publicKey), 1n);
    const receipt = { ...(target.receipt as Record<string, unknown>), priceCommitment: forged.priceCommitment };
    await db.bid.update({
      where: { id: target.id },
      data: { sealedPrice: new Uint8Array(forged.sealedPrice), priceCommitment: forged.priceCommitment, receipt },
    });

    await openWith(made);
    const record = await openingRecord(made.tender.id);
    expect(record.bids.find((b) => b.bidId === target.id)).toMatchObject({
      receiptValid: false,
      price: null,
      priceStatus: "COMMITMENT_MISMATCH",
    });
    expect(record.bids.find((b) => b.bidId === made.bidders[1]!.bidId)).toMatchObject({
      receiptValid: true,
      price: "470000000",
      priceStatus: "OK",
    });
    expect((await db.bid.findUniqueOrThrow({ where: { id: target.id } })).openedPrice).toBeNull();
    const text = await beritaAcaraText(record.beritaAcara.documentId);
    expect(text).toContain("TIDAK SAH");
    expect(text).toContain("Harga penawaran: TIDAK SESUAI KOMITMEN PADA TANDA TERIMA");
  });

  it("fails a tender cepat with one bid (TOO_FEW_BIDS), with a public reason, leaving the bid sealed", async () => {
    const made = await makeTenderWithBids([{ price: 200_000_000n }], { method: "TENDER_CEPAT" });
    await openWith(made);
    const tender = await db.tender.findUniqueOrThrow({ where: { id: made.tender.id } });
    expect(tender).toMatchObject({ status: "FAILED", failureKind: "TOO_FEW_BIDS", openedKeyWrapped: null });
    expect(tender.failedAt).toEqual(tender.openedAt);
    expect(tender.endReason).toBe(
      "Tender gagal: jumlah penawaran yang masuk (1) kurang dari jumlah minimal 2 penawaran untuk Tender Cepat.",
    );
    expect((await db.bid.findFirstOrThrow()).openedPrice).toBeNull();
    expect(await db.openingApproval.count({ where: { wrappedShare: { not: null } } })).toBe(0);
    const record = await openingRecord(made.tender.id);
    expect(record.failure).toMatchObject({ kind: "TOO_FEW_BIDS" });
    expect(record.bids[0]).toMatchObject({ price: null, priceStatus: "NOT_OPENED" });
    expect(await db.auditEvent.count({ where: { entityId: made.tender.id, action: "tender.failed" } })).toBe(1);
    expect(await beritaAcaraText(record.beritaAcara.documentId)).toContain("Tender gagal");
  });

  it("waits for the zero-bid extension, then fails a tender still without bids (NO_BIDS)", async () => {
    const made = await makeTenderWithBids([]);
    await passDeadline(made.tender.id);
    const first = made.members[0]!;
    await expect(
      approveOpening(first.actor, { tenderId: made.tender.id, passphrase: first.passphrase }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "openingAwaitsExtension" });
    expect(await db.openingApproval.count()).toBe(0);
    // as the schedule worker leaves it after the one extension
    await db.tender.update({ where: { id: made.tender.id }, data: { deadlineExtensions: 1 } });
    await openWith(made);
    expect(await db.tender.findUniqueOrThrow({ where: { id: made.tender.id } })).toMatchObject({
      status: "FAILED",
      failureKind: "NO_BIDS",
      endReason: expect.stringContaining("tidak ada penawaran"),
    });
  });

  it("runs exactly once when the last two members approve at the same moment", async () => {
    const made = await makeTenderWithBids([{ price: 123_456_789n }]);
    await passDeadline(made.tender.id);
    const results = await Promise.all(
      made.members.map((m) =>
        approveOpening(m.actor, { tenderId: made.tender.id, passphrase: m.passphrase }).catch(
          (e: { messageKey?: string }) => e.messageKey,
        ),
      ),
    );
    expect(results.filter((r) => typeof r === "object" && r.opened)).not.toHaveLength(0);
    expect(results.every((r) => typeof r === "object" || r === "openingAlreadyDone")).toBe(true);
    await openingRecord(made.tender.id);
    expect(await db.document.count({ where: { tenderId: made.tender.id, kind: "BERITA_ACARA" } })).toBe(1);
    expect((await db.bid.findFirstOrThrow()).openedPrice).toBe(123_456_789n);
  });
});
