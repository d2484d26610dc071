import "server-only";
import { db } from "@/server/db";
import type { CheckedFile } from "../../domain/opening-rules";
import { findPriceOpeningRecord } from "../price-opening/get-price-opening-view";
import { findOpeningRecord } from "./get-opening-view";

/**
 * After the opening, what each file of a bid revealed (name, size, salt) and its result,
 * so whoever holds the bid's receipt can recompute each commitment from the file. Null
 * before the opening: until then the salts are sealed and nothing about the files is told.
 * Two envelopes: the HARGA files are told once this bid's price envelope was opened.
 */
export async function findOpenedFiles(bidId: string): Promise<CheckedFile[] | null> {
  const bid = await db.bid.findUnique({
    where: { id: bidId },
    select: { tenderId: true, priceOpenedAt: true, tender: { select: { openedAt: true } } },
  });
  if (!bid?.tender.openedAt) return null;
  const record = await findOpeningRecord(bid.tenderId);
  const files = record?.bids.find((b) => b.bidId === bidId)?.files ?? null;
  if (!files || !bid.priceOpenedAt) return files;
  const inPrice = (await findPriceOpeningRecord(bid.tenderId))?.bids.find((b) => b.bidId === bidId)?.files ?? [];
  if (inPrice.length === 0) return files;
  return [...files.filter((f) => f.status !== "PRICE_ENVELOPE"), ...inPrice];
}
