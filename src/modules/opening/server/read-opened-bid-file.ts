import "server-only";
import { createHash } from "node:crypto";
import { isUuid } from "@/lib/ids";
import { can, type Actor } from "@/modules/auth/domain/permissions";
import { recordAuditEvent } from "@/modules/audit/server/record-audit-event";
import { openSealedFile } from "@/modules/bids/server/open-sealed-file";
import { assertPokjaAccess } from "@/modules/tenders/server/load-pokja-tender";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { openedKeyContext } from "../domain/at-rest-cipher";
import { unwrapAtRest } from "./at-rest-key";

/**
 * A bid file's plaintext, for the tender's Pokja (and auditors) once the bids were
 * opened. Before the opening, for a withdrawn or replaced bid, a staged file or anyone
 * else the answer is NOT_FOUND, so nothing about sealed files can be probed. The file is
 * decrypted in memory (20 MB at most) and checked against its recorded hash before a byte
 * is sent; every read is audited.
 */
export async function readOpenedBidFile(actor: Actor, fileId: string) {
  if (!isUuid(fileId)) throw new AppError("NOT_FOUND");
  const file = await db.bidFile.findUnique({
    where: { id: fileId },
    select: {
      id: true, tenderId: true, part: true, fileName: true, mimeType: true, sha256: true, storageKey: true, wrappedKey: true, iv: true, authTag: true,
      bid: { select: { id: true, status: true, tender: { select: { code: true, openedAt: true, openedKeyWrapped: true } } } },
    },
  });
  const bid = file?.bid;
  if (!file || !bid || bid.status !== "SUBMITTED" || !bid.tender.openedAt || !bid.tender.openedKeyWrapped) throw new AppError("NOT_FOUND");
  if (!can(actor, "bid.readOpenedFile")) await assertPokjaAccess(db, actor, file.tenderId, "tender.evaluate");

  const privateKey = await unwrapAtRest(bid.tender.openedKeyWrapped, openedKeyContext(file.tenderId));
  let content: Buffer;
  try {
    content = await openSealedFile(privateKey, file);
  } catch {
    throw new AppError("INVALID_STATE", "bidFileCorrupt");
  } finally {
    privateKey.fill(0);
  }
  const sha256 = createHash("sha256").update(content).digest("hex");
  // GCM proves the ciphertext intact; the hash proves what is sent is what the receipt records.
  if (sha256 !== file.sha256) throw new AppError("INVALID_STATE", "bidFileCorrupt");

  await db.$transaction((tx) =>
    recordAuditEvent(tx, { actor, action: "bid.fileRead", entityType: "BidFile", entityId: file.id, data: { tenderCode: bid.tender.code, bidId: bid.id, part: file.part, fileName: file.fileName, sha256 } }),
  );
  return { content, fileName: file.fileName, mimeType: file.mimeType, sha256 };
}
