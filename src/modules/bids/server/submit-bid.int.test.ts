import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bidPdf, makeBidder, makeSealedBidTender, stageBidFile, setUpTestInstanceKey } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { objectStore } from "@/server/object-store";
import type { OpeningRecord } from "../domain/opening-record";
import { passDeadline } from "../testing/opening.fixture";
import { getInstanceKey } from "@/server/instance-key";
import { approveOpening } from "./opening/approve-opening";
import { readOpenedBidFile } from "./opening/read-opened-bid-file";
import { RUPIAH_CEILING } from "@/lib/rupiah-schema";
import { fileCommitmentOf } from "../domain/file-seal";
import { verifyReceipt } from "../domain/verify-receipt";
import { submitBid } from "./submit-bid";
import { withdrawBid } from "./withdraw-bid";

setUpTestInstanceKey();
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const asInput = (f: { id: string }) => ({ id: f.id });

describe("submitBid", () => {
  it("seals, binds the files, signs a receipt that verifies, and is opened after the deadline by k members' approvals", async () => {
    const { tender, members } = await makeSealedBidTender();
    const { actor, vendor } = await makeBidder(tender.id);
    const technical = bidPdf("Metode pelaksanaan PT Uji");
    const price = bidPdf("Rincian harga PT Uji");
    const files = [
      await stageBidFile(actor, tender.id, technical, "TEKNIS"),
      await stageBidFile(actor, tender.id, price, "HARGA"),
    ];
    const result = await submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 1_234_567_890n,
      files: files.map(asInput),
      idempotencyKey: randomUUID(),
    });

    const instance = await getInstanceKey();
    expect(verifyReceipt(result.signedReceipt, instance.publicKeyPem).valid).toBe(true);
    expect(result.signedReceipt.receipt).toMatchObject({
      bidId: result.bidId,
      tenderCode: tender.code,
      vendorNpwp: vendor.npwp,
      receivedAt: result.receivedAt!.toISOString(),
      submittedAt: result.submittedAt.toISOString(),
    });
    expect(result.receivedAt!.getTime()).toBeLessThanOrEqual(result.submittedAt.getTime());
    // Version 3: a salted commitment per file (no name, size or plain hash of the content) and when the bid was received.
    expect(result.signedReceipt.receipt.version).toBe(4);
    expect(result.signedReceipt.receipt.files.map((f) => f.part).sort()).toEqual(["HARGA", "TEKNIS"]);
    for (const f of result.signedReceipt.receipt.files) expect(Object.keys(f).sort()).toEqual(["commitment", "part"]);
    expect(JSON.stringify(result.signedReceipt)).not.toContain(sha256(price));
    const bid = await db.bid.findUniqueOrThrow({ where: { id: result.bidId }, include: { files: true } });
    expect(bid.status).toBe("SUBMITTED");
    expect(bid.receivedAt).toEqual(result.receivedAt);
    expect(bid.files).toHaveLength(2);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "bid.submitted", entityId: bid.id } });
    expect(JSON.stringify(audit.data)).not.toContain("1234567890");
    expect(audit.data).toMatchObject({ priceCommitment: bid.priceCommitment });

    // k members approve the opening after the deadline; the opening reads the price and the files.
    await passDeadline(tender.id);
    for (const m of members.slice(0, 2))
      await approveOpening(m.actor, { tenderId: tender.id, passphrase: m.passphrase });
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).openedPrice).toBe(1_234_567_890n);
    const [opened] = await db.auditEvent.findMany({ where: { entityId: tender.id, action: "tender.opened" } });
    const record = opened!.data as unknown as OpeningRecord;
    expect(record.bids[0]).toMatchObject({ priceStatus: "OK", price: "1234567890" });
    // After the opening the salt, name and size come out of the envelope, and anyone can
    // recompute the receipt's commitment from the file the vendor sent.
    for (const file of bid.files) {
      const sent = file.part === "HARGA" ? price : technical;
      const read = await readOpenedBidFile(members[2]!.actor, file.id);
      expect(sha256(read.content)).toBe(sha256(sent));
      expect(read.fileName).toBe(`${file.part.toLowerCase()}.pdf`);
      const revealed = record.bids[0]!.files.find((f) => f.fileId === file.id)!;
      expect(revealed).toMatchObject({ status: "OK", sizeBytes: sent.length });
      const line = result.signedReceipt.receipt.files.find((f) => f.part === file.part)!;
      expect("commitment" in line && line.commitment).toBe(fileCommitmentOf(Buffer.from(revealed.salt!, "hex"), sent));
    }
  });

  it("gives exactly one bid for twenty identical submissions in parallel", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const file = await stageBidFile(actor, tender.id, bidPdf("harga"));
    const input = {
      tenderId: tender.id,
      price: 500_000_000n,
      files: [asInput(file)],
      idempotencyKey: randomUUID(),
      integrityPact: true as const,
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => submitBid(actor, input)));
    expect(new Set(results.map((r) => r.bidId)).size).toBe(1);
    expect(new Set(results.map((r) => r.signedReceipt.signature)).size).toBe(1);
    expect(await db.bid.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "bid.submitted" } })).toBe(1);
  });

  it("refuses a bid 1 ms after the deadline with the deadline in the agency's zone, and changes nothing", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const file = await stageBidFile(actor, tender.id, bidPdf("terlambat"));
    // the deadline passes: it is now 1 ms ago by the database clock
    await db.tenderStage.updateMany({
      where: { tenderId: tender.id, kind: "UPLOAD_PENAWARAN" },
      data: { endsAt: new Date((await dbNow()).getTime() - 1) },
    });
    const late = submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 10n,
      files: [asInput(file)],
      idempotencyKey: randomUUID(),
    });
    await expect(late).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "bidDeadlinePassed" });
    await late.catch((e: { values: { deadline: string } }) => expect(e.values.deadline).toMatch(/WIB$/));
    expect(await db.bid.count()).toBe(0);
    expect((await db.bidFile.findUniqueOrThrow({ where: { id: file.id } })).bidId).toBeNull();
  });

  it("replacing keeps the old bid as REPLACED, withdrawing marks WITHDRAWN: history kept", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const first = await submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 900n,
      files: [asInput(await stageBidFile(actor, tender.id, bidPdf("satu")))],
      idempotencyKey: randomUUID(),
    });
    const second = await submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 800n,
      files: [asInput(await stageBidFile(actor, tender.id, bidPdf("dua")))],
      idempotencyKey: randomUUID(),
    });
    await withdrawBid(actor, { tenderId: tender.id });
    const bids = await db.bid.findMany({
      orderBy: { submittedAt: "asc" },
      include: { _count: { select: { files: true } } },
    });
    expect(bids.map((b) => [b.id, b.status, b.replacedById, b._count.files])).toEqual([
      [first.bidId, "REPLACED", second.bidId, 1],
      [second.bidId, "WITHDRAWN", null, 1],
    ]);
    expect(bids[1]!.withdrawnAt).not.toBeNull();
    expect(
      (await db.auditEvent.findMany({ where: { action: { startsWith: "bid." } }, orderBy: { seq: "asc" } })).map(
        (e) => e.action,
      ),
    ).toEqual(["bid.fileStaged", "bid.submitted", "bid.fileStaged", "bid.submitted", "bid.withdrawn"]);
    await expect(withdrawBid(actor, { tenderId: tender.id })).rejects.toMatchObject({
      messageKey: "bidNothingToWithdraw",
    });
  });

  it("refuses a price above the rupiah ceiling before sealing or signing anything", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const file = await stageBidFile(actor, tender.id, bidPdf("harga"));
    for (const price of [RUPIAH_CEILING + 1n, 2n ** 63n, 99_999_999_999_999_999_999n]) {
      await expect(
        submitBid(actor, {
          integrityPact: true,
          tenderId: tender.id,
          price,
          files: [asInput(file)],
          idempotencyKey: randomUUID(),
        }),
      ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "amountAboveCeiling" });
    }
    expect(await db.bid.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "bid.submitted" } })).toBe(0);
    await submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: RUPIAH_CEILING,
      files: [asInput(file)],
      idempotencyKey: randomUUID(),
    });
    expect(await db.bid.count()).toBe(1);
  });

  it("takes staged files from any browser or device: the upload hands back no secret, submit needs only the ids", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const staged = await stageBidFile(actor, tender.id, bidPdf("laptop lama"));
    expect(Object.keys(staged).sort()).toEqual([
      "commitment",
      "contentBytes",
      "fileName",
      "id",
      "mimeType",
      "part",
      "sizeBytes",
      "uploadedAt",
    ]);
    // "another device": a fresh call with nothing but the id the bid page lists
    const listed = await db.bidFile.findMany({ where: { tenderId: tender.id, bidId: null }, select: { id: true } });
    const result = await submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 7n,
      files: listed,
      idempotencyKey: randomUUID(),
    });
    expect(await db.bidFile.count({ where: { bidId: result.bidId } })).toBe(1);
  });

  it("refuses files of another vendor, and a bid without a price part", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const other = await makeBidder(tender.id);
    const theirs = await stageBidFile(other.actor, tender.id, bidPdf("punya orang lain"));
    const technical = await stageBidFile(actor, tender.id, bidPdf("teknis"), "TEKNIS");
    const submit = (files: { id: string }[]) =>
      submitBid(actor, { integrityPact: true, tenderId: tender.id, price: 1n, files, idempotencyKey: randomUUID() });
    await expect(submit([asInput(theirs)])).rejects.toMatchObject({ messageKey: "bidFilesInvalid" });
    await expect(submit([asInput(technical)])).rejects.toMatchObject({ messageKey: "bidPartsMissing" });
    expect(await db.bid.count()).toBe(0);
  });

  // Someone with database write swaps envelopes between two of a vendor's files, re-types
  // one, or clears a MAC: the row is no longer the one proven at upload.
  it.each([
    [
      "the envelopes of two files swapped",
      async (a: string, b: string) => {
        const [x, y] = await Promise.all(
          [a, b].map((id) => db.bidFile.findUniqueOrThrow({ where: { id }, select: { wrappedKey: true } })),
        );
        await db.bidFile.update({ where: { id: a }, data: { wrappedKey: y!.wrappedKey } });
        await db.bidFile.update({ where: { id: b }, data: { wrappedKey: x!.wrappedKey } });
      },
    ],
    ["the type changed", (a: string) => db.bidFile.update({ where: { id: a }, data: { mimeType: "application/zip" } })],
    ["the part moved", (_a: string, b: string) => db.bidFile.update({ where: { id: b }, data: { part: "TEKNIS" } })],
    [
      "no proof (staged before proofs were bound)",
      (a: string) => db.bidFile.update({ where: { id: a }, data: { proofMac: null } }),
    ],
  ] as const)(
    "refuses a file whose row changed since its proof (%s), names it, and writes nothing",
    async (_name, change: (a: string, b: string) => Promise<unknown>) => {
      const { tender } = await makeSealedBidTender();
      const { actor } = await makeBidder(tender.id);
      const price = await stageBidFile(actor, tender.id, bidPdf("harga"));
      const admin = await stageBidFile(actor, tender.id, bidPdf("administrasi"), "ADMINISTRASI");
      await change(price.id, admin.id);
      const refused = submitBid(actor, {
        integrityPact: true,
        tenderId: tender.id,
        price: 1n,
        files: [asInput(price), asInput(admin)],
        idempotencyKey: randomUUID(),
      });
      await expect(refused).rejects.toMatchObject({ code: "VALIDATION", messageKey: "bidFileNotProven" });
      await refused.catch((e: { values: { part: string; commitment: string; uploadedAt: string } }) => {
        expect(["HARGA", "ADMINISTRASI", "TEKNIS"]).toContain(e.values.part);
        expect(e.values.uploadedAt).toMatch(/WIB$/);
        expect([price.commitment, admin.commitment].map((c) => c.slice(0, 12))).toContain(e.values.commitment);
      });
      expect(await db.bid.count()).toBe(0);
      expect(await db.auditEvent.count({ where: { action: "bid.submitted" } })).toBe(0);
    },
  );

  it("refuses a file whose stored ciphertext was altered or removed after the upload, naming it", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const file = await stageBidFile(actor, tender.id, bidPdf("diubah"));
    const row = await db.bidFile.findUniqueOrThrow({ where: { id: file.id } });
    // through the store itself, whichever backend the settings name
    const store = objectStore();
    const stored = `sealed/${row.storageKey}`;
    const bytes = Buffer.concat(await store.get(stored).toArray());
    bytes[10] = bytes[10]! ^ 1;
    await store.put(
      stored,
      (async function* () {
        yield bytes;
      })(),
    );
    const submit = () =>
      submitBid(actor, {
        integrityPact: true,
        tenderId: tender.id,
        price: 1n,
        files: [asInput(file)],
        idempotencyKey: randomUUID(),
      });
    await expect(submit()).rejects.toMatchObject({
      messageKey: "bidFileStoreChanged",
      values: { part: "HARGA", commitment: file.commitment.slice(0, 12) },
    });
    await store.remove(stored);
    await expect(submit()).rejects.toMatchObject({ messageKey: "bidFileStoreChanged" });
    expect(await db.bid.count()).toBe(0);
  });
});
