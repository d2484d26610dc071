import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signReceipt } from "../../domain/receipt";
import type { ReceiptPayload } from "../../domain/verify-receipt";
import { sealKey } from "../../domain/envelope";
import { decodePublicKey } from "../../domain/x25519";
import { getInstanceKey } from "@/server/instance-key";
import { db } from "@/server/db";
import { openStored } from "@/server/storage";
import type { OpeningRecord } from "../../domain/opening-record";
import { approveOpening } from "./approve-opening";
import { openBids } from "./open-bids";
import { makeTenderWithBids, passDeadline, pdfText } from "../../testing/opening.fixture";

type Made = Awaited<ReturnType<typeof makeTenderWithBids>>;

/**
 * What a malicious client can seal, bypassing the form: any text to the tender's public
 * key, with an honest commitment to it, and a receipt signed for it (as the server signed
 * one for a price of 2^63 before the ceiling).
 */
async function sealRawPrice(made: Made, bidIndex: number, text: string) {
  const bidId = made.bidders[bidIndex]!.bidId;
  const { publicKey } = await db.tenderOpeningKey.findUniqueOrThrow({ where: { tenderId: made.tender.id } });
  const sealed = sealKey(decodePublicKey(publicKey), Buffer.from(text));
  const commitment = createHash("sha256").update(text).digest("hex");
  const bid = await db.bid.findUniqueOrThrow({ where: { id: bidId } });
  const receipt = { ...(bid.receipt as unknown as ReceiptPayload), priceCommitment: commitment };
  const signed = signReceipt(receipt, (await getInstanceKey()).privateKey);
  await db.bid.update({
    where: { id: bidId },
    data: {
      sealedPrice: new Uint8Array(sealed.envelope),
      priceCommitment: commitment,
      receipt: receipt as object,
      receiptSignature: signed.signature,
    },
  });
  return bidId;
}

async function corruptFile(bidId: string) {
  const file = await db.bidFile.findFirstOrThrow({ where: { bidId } });
  const sealedPath = path.join(process.env.SEGEL_FILE_STORE!, "sealed", file.storageKey.slice(0, 2), file.storageKey);
  const bytes = readFileSync(sealedPath);
  bytes[10] = bytes[10]! ^ 0xff;
  writeFileSync(sealedPath, bytes);
}

async function beritaAcaraText(documentId: string) {
  const { storageKey } = await db.document.findUniqueOrThrow({ where: { id: documentId } });
  const parts: Buffer[] = [];
  for await (const chunk of openStored(storageKey)) parts.push(chunk as Buffer);
  return pdfText(Buffer.concat(parts));
}

/** Everything the logger writes (it writes JSON lines to stdout and stderr). */
function captureLogs() {
  const lines: string[] = [];
  const keep = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(keep);
  vi.spyOn(process.stderr, "write").mockImplementation(keep);
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe("an opening with absurd bids (the Apendo failure caused by one bidder)", () => {
  it("completes, names each bid's defect in PostgreSQL, the record and the Berita Acara, opens the others, logs no content, and is idempotent", async () => {
    const made = await makeTenderWithBids([
      { price: 300_000_000n },
      { price: 310_000_000n },
      { price: 320_000_000n },
      { price: 330_000_000n },
      { price: 340_000_000n },
    ]);
    const salt = () => randomBytes(32).toString("hex");
    const marker = `HARGA-${randomUUID()}`;
    const overflow = await sealRawPrice(made, 0, `${2n ** 63n}:${salt()}`);
    const huge = await sealRawPrice(made, 1, `99999999999999999999:${salt()}`);
    const garbage = await sealRawPrice(made, 2, `${marker}:${salt()}`);
    const corrupt = made.bidders[3]!.bidId;
    await corruptFile(corrupt);
    const honest = made.bidders[4]!.bidId;

    await passDeadline(made.tender.id);
    const logs = captureLogs();
    await approveOpening(made.members[0]!.actor, { tenderId: made.tender.id, passphrase: made.members[0]!.passphrase });
    await approveOpening(made.members[1]!.actor, { tenderId: made.tender.id, passphrase: made.members[1]!.passphrase });
    vi.restoreAllMocks();

    const tender = await db.tender.findUniqueOrThrow({ where: { id: made.tender.id } });
    expect(tender.openedAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: made.tender.id, action: "tender.opened" },
    });
    const record = event.data as unknown as OpeningRecord & { beritaAcara: { documentId: string } };
    const of = (bidId: string) => record.bids.find((b) => b.bidId === bidId)!;
    expect(of(overflow)).toMatchObject({ price: null, priceStatus: "ABOVE_CEILING", receiptValid: true });
    expect(of(huge)).toMatchObject({ price: null, priceStatus: "ABOVE_CEILING" });
    expect(of(garbage)).toMatchObject({ price: null, priceStatus: "MALFORMED" });
    expect(of(corrupt)).toMatchObject({ price: "330000000", priceStatus: "OK" });
    expect(of(corrupt).files.map((f) => f.status)).toEqual(["UNOPENABLE"]);
    expect(of(honest)).toMatchObject({ price: "340000000", priceStatus: "OK" });

    // The defects, in PostgreSQL, one row each.
    const defects = await db.bidDefect.findMany({
      where: { bid: { tenderId: made.tender.id } },
      select: { bidId: true, code: true, bidFileId: true },
    });
    expect(defects.map((d) => [d.bidId, d.code]).sort()).toEqual(
      [
        [overflow, "PRICE_ABOVE_CEILING"],
        [huge, "PRICE_ABOVE_CEILING"],
        [garbage, "PRICE_MALFORMED"],
        [corrupt, "FILE_UNOPENABLE"],
      ].sort(),
    );
    const opened = await db.bid.findMany({
      where: { tenderId: made.tender.id },
      select: { id: true, openedPrice: true },
    });
    expect(Object.fromEntries(opened.map((b) => [b.id, b.openedPrice]))).toMatchObject({
      [overflow]: null,
      [huge]: null,
      [garbage]: null,
      [corrupt]: 330_000_000n,
      [honest]: 340_000_000n,
    });

    const text = await beritaAcaraText(record.beritaAcara.documentId);
    expect(text.match(/Harga penawaran: MELEBIHI BATAS/g)).toHaveLength(2);
    expect(text).toContain("Harga penawaran: ISI SAMPUL BUKAN HARGA YANG SAH");
    expect(text).toContain("Harga: (nama tersegel) - TIDAK DAPAT DIBUKA");
    expect(text).toContain("Rp340.000.000");

    // Nothing a defective bid decrypted to went to the log (nor to the record).
    const logged = logs.join("");
    for (const secret of [marker, (2n ** 63n).toString(), "99999999999999999999"]) {
      expect(logged).not.toContain(secret);
      expect(JSON.stringify(record)).not.toContain(secret);
    }

    // A retry changes nothing: the opening ran once.
    expect(await openBids(made.tender.id, null)).toEqual({ opened: false });
    await expect(
      approveOpening(made.members[2]!.actor, { tenderId: made.tender.id, passphrase: made.members[2]!.passphrase }),
    ).rejects.toMatchObject({ messageKey: "openingAlreadyDone" });
    expect(await db.bidDefect.count({ where: { bid: { tenderId: made.tender.id } } })).toBe(4);
    expect(await db.auditEvent.count({ where: { entityId: made.tender.id, action: "tender.opened" } })).toBe(1);
  });
});
