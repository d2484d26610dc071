import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import type { BidPart } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { cleanFileName, isAcceptedDocumentType } from "@/modules/documents/domain";
import { provesSealed, sealKey } from "../domain/envelope";
import { toBytes } from "../domain/x25519";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { MAX_BID_FILE_BYTES, MAX_BID_TOTAL_BYTES, toMb } from "../domain/bid-rules";
import { encodeFileSecret, FILE_SALT_BYTES } from "../domain/file-seal";
import { assertBidWindowOpen, loadBidder, lockBidder, sealingKeyFor } from "./bidder-context";
import { proveFileOpenable } from "./prove-file-openable";
import { removeSealed, storeSealedStream } from "./sealed-file-store";
import { signProvenFile } from "./staged-file-proof";

export interface UploadBidFileInput {
  tenderId: string;
  part: BidPart;
  fileName: string;
  body: ReadableStream<Uint8Array> | Readable;
}

export async function stagedBytes(client: typeof db | Tx, tenderId: string, vendorId: string): Promise<number> {
  const sum = await client.bidFile.aggregate({ where: { tenderId, vendorId, bidId: null }, _sum: { sizeBytes: true } });
  return Number(sum._sum.sizeBytes ?? 0n);
}

export const bidTooLarge = (used: number) =>
  new AppError("VALIDATION", "bidTooLarge", { maxMb: toMb(MAX_BID_TOTAL_BYTES), usedMb: toMb(used) });

/**
 * Stages one sealed bid file. Everything about the caller and the stage is checked
 * before the first byte is read; the file is encrypted as it streams under a fresh key
 * and committed to with a fresh salt; the key, the salt, the original name and the exact
 * size are then sealed together to the tender's opening key (a HARGA file on a two-envelope
 * tender: to its price key). While the key is still in
 * memory the file is proven openable (the envelope opens to it; the stored ciphertext,
 * read back, decrypts to the commitment) and the proof is bound to the row with a MAC
 * under an instance-derived key, so any browser or device can submit it later without
 * holding a secret (decision 0005). The row keeps only the commitment and the padded size.
 */
export async function uploadBidFile(actor: Actor, input: UploadBidFileInput) {
  const bidder = await loadBidder(db, actor, input.tenderId);
  // two envelopes: a HARGA file is sealed to the price key (decision 0042)
  const sealTo = sealingKeyFor(assertBidWindowOpen(bidder, await dbNow(), actor.locale).keys, input.part);
  const vendorId = bidder.vendor.id;
  const used = await stagedBytes(db, input.tenderId, vendorId);
  if (used >= MAX_BID_TOTAL_BYTES) throw bidTooLarge(used);

  const fileKey = randomBytes(32);
  const salt = randomBytes(FILE_SALT_BYTES);
  const iv = randomBytes(12);
  const perFileLimit = Math.min(MAX_BID_FILE_BYTES, MAX_BID_TOTAL_BYTES - used);
  const stored = await storeSealedStream(input.body, {
    fileKey,
    iv,
    salt,
    maxBytes: perFileLimit,
    tooLarge: () =>
      perFileLimit < MAX_BID_FILE_BYTES
        ? bidTooLarge(used)
        : new AppError("VALIDATION", "fileTooLarge", { maxMb: toMb(MAX_BID_FILE_BYTES) }),
    detectType: async (head) => {
      const mime = (await fileTypeFromBuffer(head))?.mime;
      return isAcceptedDocumentType(mime) ? mime : null;
    },
  }).catch((error: unknown) => {
    fileKey.fill(0);
    salt.fill(0);
    throw error;
  });

  const fileName = cleanFileName(input.fileName);
  const secret = encodeFileSecret({ fileKey, salt, fileName, sizeBytes: stored.sizeBytes });
  const { envelope, ephemeralPrivateKey } = sealKey(sealTo, secret);
  try {
    const row = {
      id: randomUUID(),
      tenderId: input.tenderId,
      vendorId,
      part: input.part,
      mimeType: stored.mime,
      sizeBytes: BigInt(stored.storedBytes),
      commitment: stored.commitment,
      ciphertextSha256: stored.ciphertextSha256,
      storageKey: stored.storageKey,
      wrappedKey: envelope,
      iv,
      authTag: stored.authTag,
    };
    // The proof: the envelope opens to this secret (as the Pokja's key will open it), and
    // the ciphertext read back from the store opens with it to the commitment.
    const sealedOk =
      provesSealed(ephemeralPrivateKey, sealTo, envelope, secret) &&
      (await proveFileOpenable(row, { fileKey, salt, fileName, sizeBytes: stored.sizeBytes }));
    [fileKey, salt, secret, ephemeralPrivateKey].forEach((b) => b.fill(0));
    if (!sealedOk) throw new Error("sealed bid file does not open from the store");
    const proofMac = await signProvenFile(row);
    const file = await db.$transaction(
      async (tx) => {
        await lockBidder(tx, input.tenderId, vendorId);
        // The upload may have taken a while: the deadline and the bid's size are judged again.
        const now = await dbNow(tx);
        assertBidWindowOpen(bidder, now, actor.locale);
        const total = (await stagedBytes(tx, input.tenderId, vendorId)) + stored.storedBytes;
        if (total > MAX_BID_TOTAL_BYTES) throw bidTooLarge(total - stored.storedBytes);
        const created = await tx.bidFile.create({
          data: {
            ...row,
            uploadedById: actor.userId,
            uploadedAt: now,
            wrappedKey: toBytes(envelope),
            iv: toBytes(iv),
            authTag: toBytes(stored.authTag),
            proofMac: toBytes(proofMac),
          },
          select: { id: true, part: true, commitment: true, sizeBytes: true, mimeType: true, uploadedAt: true },
        });
        await recordAuditEvent(tx, {
          actor,
          action: "bid.fileStaged",
          entityType: "BidFile",
          entityId: created.id,
          // the commitment and the padded size only: the name, exact size and content are sealed
          data: {
            tenderId: input.tenderId,
            vendorId,
            part: input.part,
            storedBytes: stored.storedBytes,
            commitment: stored.commitment,
            ciphertextSha256: stored.ciphertextSha256,
          },
        });
        return created;
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
    // The name and exact size go back to the uploader, who sent them: its browser may show them.
    return { ...file, sizeBytes: Number(file.sizeBytes), fileName, contentBytes: stored.sizeBytes };
  } catch (error) {
    await removeSealed(stored.storageKey);
    throw error;
  } finally {
    [fileKey, salt, secret, ephemeralPrivateKey].forEach((b) => b.fill(0));
  }
}
