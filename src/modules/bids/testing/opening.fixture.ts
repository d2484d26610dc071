import { randomUUID } from "node:crypto";
import { inflateSync } from "node:zlib";
import { SUBMIT_GRACE_MS } from "../domain/bid-rules";
import { procedureFor } from "@/modules/tenders/domain/procedure";
import { submitBid } from "../server/submit-bid";
import { bidPdf, makeBidder, makeSealedBidTender, stageBidFile } from "@/tests/factories";
import { db, dbNow } from "@/server/db";
import { openStored } from "@/server/storage";

/**
 * Test set-up for the opening (not a test itself): a sealed-bid tender with real bids
 * (real crypto, real files), and ways to pass the deadline and read a generated PDF.
 */
export interface BidSpec {
  price: bigint;
  parts?: ("ADMINISTRASI" | "KUALIFIKASI" | "TEKNIS" | "HARGA")[];
  vendorName?: string;
}

export async function makeTenderWithBids(bids: BidSpec[], options: { method?: "TENDER" | "TENDER_CEPAT" } = {}) {
  const made = await makeSealedBidTender();
  if (options.method === "TENDER_CEPAT") {
    const procedure = procedureFor(await db.procedureConfig.findMany(), "TENDER_CEPAT", "BARANG")!;
    await db.tender.update({
      where: { id: made.tender.id },
      data: { method: "TENDER_CEPAT", procedureId: procedure.id },
    });
  }
  const bidders = [];
  for (const spec of bids) {
    const bidder = await makeBidder(made.tender.id);
    if (spec.vendorName) await db.vendor.update({ where: { id: bidder.vendor.id }, data: { name: spec.vendorName } });
    const files = [];
    for (const part of spec.parts ?? ["HARGA"]) {
      const staged = await stageBidFile(bidder.actor, made.tender.id, bidPdf(`${part}-${randomUUID()}`), part);
      files.push({ id: staged.id });
    }
    const submitted = await submitBid(bidder.actor, {
      integrityPact: true,
      tenderId: made.tender.id,
      price: spec.price,
      files,
      idempotencyKey: randomUUID(),
    });
    bidders.push({ ...bidder, vendorName: spec.vendorName ?? bidder.vendor.name, price: spec.price, ...submitted });
  }
  return { ...made, bidders };
}

/**
 * Moves the bid deadline back as time passing would, to the grace before the database's
 * "now": the bids are settled (decision 0020) and the opening may go ahead.
 */
export async function passDeadline(tenderId: string) {
  await db.tenderStage.updateMany({
    where: { tenderId, kind: "UPLOAD_PENAWARAN" },
    data: { endsAt: new Date((await dbNow()).getTime() - SUBMIT_GRACE_MS) },
  });
}

/**
 * The text pdfkit drew (its content streams are deflated; text is hex in TJ arrays). pdfkit
 * ends a stream's line with "\n" alone: an optional "\r" before "endstream" would take a
 * compressed stream's last byte when it happens to be 0x0d, and the stream would not inflate.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const lines: string[] = [];
  for (const stream of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream[1]!, "latin1")).toString("latin1");
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      lines.push(
        [...tj[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1]!, "hex").toString("latin1")).join(""),
      );
    }
  }
  return lines.join("\n");
}

/** A stored document's bytes (a generated Berita Acara), as the download would serve them. */
export async function readDocument(storageKey: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of openStored(storageKey)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
