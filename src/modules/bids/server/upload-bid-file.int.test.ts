import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { bidPdf, makeActor, makeBidder, makeSealedBidTender, stageBidFile } from "@/tests/factories";
import { db } from "@/server/db";
import { MAX_BID_FILE_BYTES, MAX_BID_TOTAL_BYTES } from "../domain/bid-rules";
import { PAD_BLOCK_BYTES } from "../domain/file-seal";
import { isProvenRow } from "./staged-file-proof";
import { uploadBidFile } from "./upload-bid-file";

/** Every file where bid files are written (sealed, and temporary ones), not the store's keys. */
function storeFiles(): string[] {
  return ["sealed", "tmp"].flatMap((dir) => {
    const root = path.join(process.env.SEGEL_FILE_STORE!, dir);
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  });
}

/** A body that records whether anyone read from it. */
function watchedBody(content: Buffer) {
  const state = { read: false };
  const body = new Readable({
    read() {
      state.read = true;
      this.push(content);
      this.push(null);
    },
  });
  return { body, state };
}

describe("uploadBidFile", () => {
  it("stores only padded ciphertext, a salted commitment, a staged row and an audit event without content, name or exact size", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const content = bidPdf("DOKUMEN-TEKNIS-RAHASIA");
    const file = await stageBidFile(actor, tender.id, content, "TEKNIS", "metode pelaksanaan.pdf");
    const plainSha256 = createHash("sha256").update(content).digest("hex");
    expect(file.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(file.commitment).not.toBe(plainSha256);
    expect(file).toMatchObject({
      fileName: "metode pelaksanaan.pdf",
      contentBytes: content.length,
      sizeBytes: PAD_BLOCK_BYTES,
    });
    const [stored, ...others] = storeFiles();
    expect(others).toHaveLength(0);
    const { readFileSync } = await import("node:fs");
    const bytes = readFileSync(stored!);
    expect(bytes.includes(Buffer.from("DOKUMEN-TEKNIS-RAHASIA"))).toBe(false);
    expect(bytes.includes(Buffer.from("%PDF"))).toBe(false);
    const row = await db.bidFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(row).toMatchObject({
      bidId: null,
      part: "TEKNIS",
      mimeType: "application/pdf",
      sizeBytes: BigInt(PAD_BLOCK_BYTES),
      commitment: file.commitment,
    });
    expect(bytes.length).toBe(PAD_BLOCK_BYTES);
    expect(row.ciphertextSha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    // proven openable at upload, and the proof bound to exactly this row (decision 0005)
    expect(await isProvenRow(row)).toBe(true);
    expect(await isProvenRow({ ...row, commitment: plainSha256 })).toBe(false);
    expect(Object.keys(file)).not.toContain("openProof");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "bid.fileStaged", entityId: file.id } });
    expect(audit.data).toMatchObject({
      commitment: file.commitment,
      ciphertextSha256: row.ciphertextSha256,
      storedBytes: PAD_BLOCK_BYTES,
    });
    const asText = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x));
    const everything = asText(row) + asText(audit);
    for (const clear of [plainSha256, "metode pelaksanaan"]) expect(everything).not.toContain(clear);
    expect(Object.keys(audit.data as object)).not.toContain("sizeBytes");
  });

  it.each([
    ["a user who is not a vendor", async (_tenderId: string) => ({ actor: await makeActor("POKJA") }), "FORBIDDEN"],
    ["an unverified vendor", (tenderId: string) => makeBidder(tenderId, { vendorStatus: "PENDING" }), "FORBIDDEN"],
    [
      "a vendor not registered for the tender",
      (tenderId: string) => makeBidder(tenderId, { registered: false }),
      "FORBIDDEN",
    ],
  ])("refuses %s before reading a byte", async (_name, make, code) => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await make(tender.id);
    const { body, state } = watchedBody(bidPdf("x"));
    await expect(
      uploadBidFile(actor, { tenderId: tender.id, part: "HARGA", fileName: "x.pdf", body }),
    ).rejects.toMatchObject({ code });
    expect(state.read).toBe(false);
    expect(storeFiles()).toHaveLength(0);
  });

  it("refuses before the upload stage and after the deadline, before reading a byte", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    await db.tenderStage.updateMany({
      where: { tenderId: tender.id, kind: "UPLOAD_PENAWARAN" },
      data: { endsAt: new Date(Date.now() - 1000) },
    });
    const late = watchedBody(bidPdf("x"));
    await expect(
      uploadBidFile(actor, { tenderId: tender.id, part: "HARGA", fileName: "x.pdf", body: late.body }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "bidDeadlinePassed" });
    await db.tenderStage.updateMany({
      where: { tenderId: tender.id, kind: "UPLOAD_PENAWARAN" },
      data: { startsAt: new Date(Date.now() + 3_600_000), endsAt: new Date(Date.now() + 7_200_000) },
    });
    const early = watchedBody(bidPdf("x"));
    await expect(
      uploadBidFile(actor, { tenderId: tender.id, part: "HARGA", fileName: "x.pdf", body: early.body }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "bidUploadNotOpen" });
    expect(late.state.read || early.state.read).toBe(false);
  });

  it("refuses a file whose content is not an accepted type, whatever its name, and writes nothing", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100_000, 1)]);
    await expect(stageBidFile(actor, tender.id, exe, "HARGA", "harga.pdf")).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "fileTypeNotAllowed",
    });
    expect(storeFiles()).toHaveLength(0);
    expect(await db.bidFile.count()).toBe(0);
  });

  it("leaves no file and no row when the upload is cut off halfway", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    // past the type check, ciphertext is being written; then the connection drops when the
    // next chunk is asked for
    let sent = false;
    const body = new Readable({
      read() {
        if (sent) return void this.destroy(new Error("connection reset"));
        sent = true;
        this.push(bidPdf("potong", 100_000));
      },
    });
    await expect(uploadBidFile(actor, { tenderId: tender.id, part: "HARGA", fileName: "x.pdf", body })).rejects.toThrow(
      "connection reset",
    );
    expect(storeFiles()).toHaveLength(0);
    expect(await db.bidFile.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "bid.fileStaged" } })).toBe(0);
  });

  it("refuses a file over the per-file limit and a bid over the total limit, keeping nothing", async () => {
    const { tender } = await makeSealedBidTender();
    const { actor, vendor } = await makeBidder(tender.id);
    await expect(stageBidFile(actor, tender.id, bidPdf("besar", MAX_BID_FILE_BYTES))).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "fileTooLarge",
    });
    expect(storeFiles()).toHaveLength(0);
    // Five staged files of 19.5 MB (rows only: the limit counts what is recorded).
    const almost = Math.floor(MAX_BID_TOTAL_BYTES / 5) - 100_000;
    for (let i = 0; i < 5; i++) {
      await db.bidFile.create({
        data: {
          tenderId: tender.id,
          vendorId: vendor.id,
          uploadedById: actor.userId,
          uploadedAt: new Date(),
          ciphertextSha256: "0".repeat(64),
          part: "TEKNIS",
          mimeType: "application/pdf",
          sizeBytes: almost,
          commitment: "0".repeat(64),
          storageKey: `uji-${i}-${vendor.id}`,
          wrappedKey: new Uint8Array(1),
          iv: new Uint8Array(12),
          authTag: new Uint8Array(16),
        },
      });
    }
    await expect(stageBidFile(actor, tender.id, bidPdf("sedikit lagi", 1_000_000))).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "bidTooLarge",
    });
    expect(storeFiles()).toHaveLength(0);
    expect(await db.bidFile.count()).toBe(5);
  });
});
