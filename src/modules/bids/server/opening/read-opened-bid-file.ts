import "server-only";
import { isUuid } from "@/lib/ids";
import { can, type Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { sameCommitment } from "../../domain/file-seal";
import { openSealedFile } from "../open-sealed-file";
import { assertPokjaAccess } from "@/modules/tenders";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { inPriceEnvelope, READING_KEY_SELECT, unwrapReadingKey } from "./reading-key";

/**
 * A bid file's plaintext, for the tender's Pokja (and auditors) once the bids were
 * opened. Before the opening, for a withdrawn or replaced bid, a staged file or anyone
 * else the answer is NOT_FOUND, so nothing about sealed files can be probed. The file is
 * decrypted in memory (20 MB at most) and checked against its recorded commitment before
 * a byte is sent; every read is audited.
 */
export async function readOpenedBidFile(actor: Actor, fileId: string) {
  if (!isUuid(fileId)) throw new AppError("NOT_FOUND");
  const file = await db.bidFile.findUnique({
    where: { id: fileId },
    select: {
      id: true,
      tenderId: true,
      part: true,
      mimeType: true,
      commitment: true,
      storageKey: true,
      wrappedKey: true,
      iv: true,
      authTag: true,
      bid: {
        select: {
          id: true,
          status: true,
          priceOpenedAt: true,
          tender: { select: { ...READING_KEY_SELECT, code: true, openedAt: true } },
        },
      },
    },
  });
  const bid = file?.bid;
  if (!file || !bid || bid.status !== "SUBMITTED" || !bid.tender.openedAt || !bid.tender.openedKeyWrapped)
    throw new AppError("NOT_FOUND");
  // two envelopes: a HARGA file stays sealed until its own bid's price envelope was opened
  if (inPriceEnvelope(bid.tender, file.part) && !bid.priceOpenedAt) throw new AppError("NOT_FOUND");
  if (!can(actor, "bid.readOpenedFile")) await assertPokjaAccess(db, actor, file.tenderId, "tender.evaluate");

  const privateKey = await unwrapReadingKey(bid.tender, file.part);
  if (!privateKey) throw new AppError("NOT_FOUND");
  let opened: Awaited<ReturnType<typeof openSealedFile>>;
  try {
    opened = await openSealedFile(privateKey, file);
  } catch {
    throw new AppError("INVALID_STATE", "bidFileCorrupt");
  } finally {
    privateKey.fill(0);
  }
  // GCM proves the ciphertext intact; the commitment proves what is sent is what the receipt records.
  if (!sameCommitment(opened.revealed.commitment, file.commitment))
    throw new AppError("INVALID_STATE", "bidFileCorrupt");
  const { content } = opened;
  const fileName = opened.revealed.fileName ?? `${file.part.toLowerCase()}-${file.id.slice(0, 8)}`;

  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor,
      action: "bid.fileRead",
      entityType: "BidFile",
      entityId: file.id,
      data: { tenderCode: bid.tender.code, bidId: bid.id, part: file.part, fileName, commitment: file.commitment },
    }),
  );
  return { content, fileName, mimeType: file.mimeType, commitment: file.commitment };
}
