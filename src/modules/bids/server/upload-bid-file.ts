import "server-only";
import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import type { BidPart } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain/permissions";
import { recordAuditEvent } from "@/modules/audit/server/record-audit-event";
import { cleanFileName, isAcceptedDocumentType } from "@/modules/documents/domain/file-types";
import { provesSealed, sealKey } from "@/modules/sealing/domain/envelope";
import { toBytes } from "@/modules/sealing/domain/x25519";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { MAX_BID_FILE_BYTES, MAX_BID_TOTAL_BYTES, toMb } from "../domain/bid-rules";
import { assertBidWindowOpen, loadBidder, lockBidder } from "./bidder-context";
import { removeSealed, storeSealedStream } from "./sealed-file-store";

export interface UploadBidFileInput {
  tenderId: string;
  part: BidPart;
  fileName: string;
  body: ReadableStream<Uint8Array> | Readable;
}

async function stagedBytes(client: typeof db | Tx, tenderId: string, vendorId: string): Promise<number> {
  const sum = await client.bidFile.aggregate({ where: { tenderId, vendorId, bidId: null }, _sum: { sizeBytes: true } });
  return Number(sum._sum.sizeBytes ?? 0n);
}

const bidTooLarge = (used: number) => new AppError("VALIDATION", "bidTooLarge", { maxMb: toMb(MAX_BID_TOTAL_BYTES), usedMb: toMb(used) });

/**
 * Stages one sealed bid file. Everything about the caller and the stage is checked
 * before the first byte is read; the file is encrypted as it streams under a fresh key,
 * and that key is sealed to the tender's opening key. Returns `openProof` (the envelope's
 * ephemeral private key) to the uploader only: the server keeps no key, and the proof
 * lets submitBid show the file opens without the Pokja's key.
 */
export async function uploadBidFile(actor: Actor, input: UploadBidFileInput) {
  const bidder = await loadBidder(db, actor, input.tenderId);
  const { openingPublicKey } = assertBidWindowOpen(bidder, await dbNow(), actor.locale);
  const vendorId = bidder.vendor.id;
  const used = await stagedBytes(db, input.tenderId, vendorId);
  if (used >= MAX_BID_TOTAL_BYTES) throw bidTooLarge(used);

  const fileKey = randomBytes(32);
  const iv = randomBytes(12);
  const { envelope, ephemeralPrivateKey } = sealKey(openingPublicKey, fileKey);
  if (!provesSealed(ephemeralPrivateKey, openingPublicKey, envelope, fileKey)) throw new Error("file key envelope does not open");
  const perFileLimit = Math.min(MAX_BID_FILE_BYTES, MAX_BID_TOTAL_BYTES - used);
  const stored = await storeSealedStream(input.body, {
    fileKey,
    iv,
    maxBytes: perFileLimit,
    tooLarge: () => (perFileLimit < MAX_BID_FILE_BYTES ? bidTooLarge(used) : new AppError("VALIDATION", "fileTooLarge", { maxMb: toMb(MAX_BID_FILE_BYTES) })),
    detectType: async (head) => {
      const mime = (await fileTypeFromBuffer(head))?.mime;
      return isAcceptedDocumentType(mime) ? mime : null;
    },
  }).finally(() => fileKey.fill(0));

  const fileName = cleanFileName(input.fileName);
  try {
    const file = await db.$transaction(async (tx) => {
      await lockBidder(tx, input.tenderId, vendorId);
      // The upload may have taken a while: the deadline and the bid's size are judged again.
      const now = await dbNow(tx);
      assertBidWindowOpen(bidder, now, actor.locale);
      const total = (await stagedBytes(tx, input.tenderId, vendorId)) + stored.sizeBytes;
      if (total > MAX_BID_TOTAL_BYTES) throw bidTooLarge(total - stored.sizeBytes);
      const row = await tx.bidFile.create({
        data: {
          tenderId: input.tenderId, vendorId, uploadedById: actor.userId, uploadedAt: now, part: input.part, fileName, mimeType: stored.mime,
          sizeBytes: stored.sizeBytes, sha256: stored.sha256, ciphertextSha256: stored.ciphertextSha256, storageKey: stored.storageKey,
          wrappedKey: toBytes(envelope), iv: toBytes(iv), authTag: toBytes(stored.authTag),
        },
        select: { id: true, part: true, fileName: true, sha256: true, sizeBytes: true, mimeType: true, uploadedAt: true },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "bid.fileStaged",
        entityType: "BidFile",
        entityId: row.id,
        data: { tenderId: input.tenderId, vendorId, part: input.part, fileName, sizeBytes: stored.sizeBytes, sha256: stored.sha256, ciphertextSha256: stored.ciphertextSha256 },
      });
      return row;
    }, { timeout: 30_000, maxWait: 30_000 });
    return { ...file, sizeBytes: Number(file.sizeBytes), openProof: ephemeralPrivateKey.toString("base64") };
  } catch (error) {
    await removeSealed(stored.storageKey);
    throw error;
  } finally {
    ephemeralPrivateKey.fill(0);
  }
}
