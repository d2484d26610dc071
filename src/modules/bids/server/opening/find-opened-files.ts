import "server-only";
import { db } from "@/server/db";
import type { CheckedFile } from "../../domain/opening-rules";
import { findOpeningRecord } from "./get-opening-view";

/**
 * After the opening, what each file of a bid revealed (name, size, salt) and its result,
 * so whoever holds the bid's receipt can recompute each commitment from the file. Null
 * before the opening: until then the salts are sealed and nothing about the files is told.
 */
export async function findOpenedFiles(bidId: string): Promise<CheckedFile[] | null> {
  const bid = await db.bid.findUnique({
    where: { id: bidId },
    select: { tenderId: true, tender: { select: { openedAt: true } } },
  });
  if (!bid?.tender.openedAt) return null;
  const record = await findOpeningRecord(bid.tenderId);
  return record?.bids.find((b) => b.bidId === bidId)?.files ?? null;
}
