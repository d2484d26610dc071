import "server-only";
import type { Upload } from "@tus/utils";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { MAX_BID_FILE_BYTES, MAX_BID_TOTAL_BYTES, toMb } from "../../domain/bid-rules";
import { paddedSize } from "../../domain/file-seal";
import { assertBidWindowOpen, loadBidder } from "../bidder-context";
import { bidTooLarge, stagedBytes } from "../upload-bid-file";

/** What a staged upload records about itself (tus metadata): no name, no key. */
export interface StagedUploadMeta {
  tenderId: string;
  part: string;
  vendorId: string;
  keyCheck: string;
}

export const FILE_TOO_LARGE = () => new AppError("VALIDATION", "fileTooLarge", { maxMb: toMb(MAX_BID_FILE_BYTES) });

/**
 * Before a new upload exists: the caller may bid on this tender now (by the database
 * clock), and the announced Upload-Length fits both the file limit and what is left of
 * the bid's budget (the padded size, as uploadBidFile will count it). Nothing is staged.
 */
export async function authorizeNewUpload(
  actor: Actor,
  tenderId: string,
  length: number,
): Promise<{ vendorId: string }> {
  const bidder = await loadBidder(db, actor, tenderId);
  assertBidWindowOpen(bidder, await dbNow(), actor.locale);
  if (length > MAX_BID_FILE_BYTES) throw FILE_TOO_LARGE();
  const used = await stagedBytes(db, tenderId, bidder.vendor.id);
  if (used + paddedSize(length) > MAX_BID_TOTAL_BYTES) throw bidTooLarge(used);
  return { vendorId: bidder.vendor.id };
}

/**
 * Every later request on an upload (HEAD, PATCH, DELETE): it is this vendor's (another
 * vendor's upload is as absent as one that never was) and the bid window is still open.
 */
export async function authorizeUpload(actor: Actor, upload: Upload): Promise<StagedUploadMeta> {
  const meta = upload.metadata ?? {};
  if (!actor.vendorId || meta.vendorId !== actor.vendorId || !meta.tenderId || !meta.part || !meta.keyCheck)
    throw new AppError("NOT_FOUND", "uploadNotFound");
  const bidder = await loadBidder(db, actor, meta.tenderId);
  assertBidWindowOpen(bidder, await dbNow(), actor.locale);
  return { tenderId: meta.tenderId, part: meta.part, vendorId: meta.vendorId, keyCheck: meta.keyCheck };
}
