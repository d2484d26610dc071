import "server-only";
import { Zip, ZipPassThrough } from "fflate";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { sameCommitment } from "../../domain/file-seal";
import { cleanFileName } from "@/modules/documents/domain";
import { openSealedFile } from "../open-sealed-file";
import { assertPokjaAccess } from "@/modules/tenders";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { BidPart } from "../../domain/bid-part";
import { inPriceEnvelope, READING_KEY_SELECT, unwrapReadingKey } from "./reading-key";

/** One folder or file name of a ZIP entry: cleaned as every served file name is, never a path. */
function entryName(text: string): string {
  const name = cleanFileName(text.replace(/[\\/]/g, "-"));
  return name === "." || name === ".." ? "dokumen" : name;
}

/**
 * Every opened file of one part (administrasi, kualifikasi, teknis, harga) of the standing
 * bids, as one ZIP, for the tender's Pokja after the opening: one folder per bidder, in
 * the order the bids came in. Anyone else, and everyone before the opening, gets
 * NOT_FOUND, as for a single file (read-opened-bid-file.ts).
 *
 * The read is audited before a byte is sent (a stream cannot be taken back): one
 * `bidFiles.downloadedAll` and, in the same transaction, each file's `bid.fileRead`, so a
 * file's trail of readers is whole however it was read. The files are then decrypted one
 * at a time as the client takes the stream, each checked against its commitment, so only
 * one file (20 MB at most) is in memory; a file that fails the check ends the stream with
 * an error instead of sending a wrong file.
 */
export async function streamOpenedPart(actor: Actor, tenderId: string, part: BidPart) {
  await assertPokjaAccess(db, actor, tenderId, "tender.evaluate");
  const tender = await db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { ...READING_KEY_SELECT, code: true, openedAt: true },
  });
  if (!tender.openedAt || !tender.openedKeyWrapped) throw new AppError("NOT_FOUND");
  // two envelopes: the HARGA files only of the bids whose price envelope was opened
  const priceEnvelope = inPriceEnvelope(tender, part);
  const files = await db.bidFile.findMany({
    where: { tenderId, part, bid: { status: "SUBMITTED", ...(priceEnvelope && { priceOpenedAt: { not: null } }) } },
    orderBy: [{ bid: { submittedAt: "asc" } }, { uploadedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      commitment: true,
      storageKey: true,
      wrappedKey: true,
      iv: true,
      authTag: true,
      bid: { select: { id: true, submittedAt: true, vendor: { select: { name: true } } } },
    },
  });
  if (files.length === 0) throw new AppError("NOT_FOUND");
  const fileName = `${tender.code}-${part.toLowerCase()}.zip`;
  await db.$transaction(async (tx) => {
    await recordAuditEvent(tx, {
      actor,
      action: "bidFiles.downloadedAll",
      entityType: "Tender",
      entityId: tenderId,
      data: {
        tenderCode: tender.code,
        part,
        fileName,
        files: files.map((f) => ({ fileId: f.id, bidId: f.bid!.id, commitment: f.commitment })),
      },
    });
    for (const f of files) {
      await recordAuditEvent(tx, {
        actor,
        action: "bid.fileRead",
        entityType: "BidFile",
        entityId: f.id,
        data: { tenderCode: tender.code, bidId: f.bid!.id, part, commitment: f.commitment, via: fileName },
      });
    }
  });

  const privateKey = await unwrapReadingKey(tender, part);
  if (!privateKey) throw new AppError("NOT_FOUND");
  // "01 PT Contoh/harga.pdf": numbered in the order the bids came in, so two bidders of one name stay apart
  const folders = new Map<string, string>();
  const folderOf = (bidId: string, vendorName: string) => {
    if (!folders.has(bidId))
      folders.set(bidId, `${String(folders.size + 1).padStart(2, "0")} ${entryName(vendorName)}`);
    return folders.get(bidId)!;
  };
  const used = new Set<string>();
  const uniquePath = (path: string) => {
    let candidate = path;
    for (let n = 2; used.has(candidate); n++) candidate = path.replace(/\/([^/]*)$/, `/${n} $1`);
    used.add(candidate);
    return candidate;
  };
  let next = 0;
  let zip: Zip;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    // one file per pull: the next is decrypted only when the client has taken the last
    async pull(controller) {
      const file = files[next++];
      if (!file) {
        privateKey.fill(0);
        zip.end();
        return;
      }
      try {
        const opened = await openSealedFile(privateKey, file);
        if (!sameCommitment(opened.revealed.commitment, file.commitment))
          throw new AppError("INVALID_STATE", "bidFileCorrupt");
        const name = entryName(opened.revealed.fileName ?? `${part.toLowerCase()}-${file.id.slice(0, 8)}`);
        const entry = new ZipPassThrough(uniquePath(`${folderOf(file.bid!.id, file.bid!.vendor.name)}/${name}`));
        entry.mtime = file.bid!.submittedAt;
        zip.add(entry);
        entry.push(new Uint8Array(opened.content), true);
      } catch (error) {
        privateKey.fill(0);
        controller.error(error);
      }
    },
    cancel() {
      privateKey.fill(0);
      zip.terminate();
    },
  });
  return { fileName, stream };
}
