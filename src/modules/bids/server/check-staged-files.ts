import "server-only";
import { formatInZone } from "@/lib/time";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { missingParts } from "../domain/bid-rules";
import type { Bidder } from "./bidder-context";
import { isProvenRow, storedCiphertextSha256 } from "./staged-file-proof";

const STAGED_SELECT = {
  id: true,
  tenderId: true,
  vendorId: true,
  part: true,
  mimeType: true,
  sizeBytes: true,
  commitment: true,
  ciphertextSha256: true,
  storageKey: true,
  wrappedKey: true,
  iv: true,
  authTag: true,
  proofMac: true,
  uploadedAt: true,
} as const;

export type StagedFile = Awaited<ReturnType<typeof findStagedFiles>>[number];

/** The vendor's staged (not yet submitted) files of this tender among `ids`; all of them, or a refusal. */
export async function findStagedFiles(client: Db | Tx, bidder: Bidder, ids: readonly string[]) {
  const files = await client.bidFile.findMany({
    where: { id: { in: [...ids] }, tenderId: bidder.tender.id, vendorId: bidder.vendor.id, bidId: null },
    select: STAGED_SELECT,
    orderBy: [{ part: "asc" }, { uploadedAt: "asc" }],
  });
  if (files.length !== ids.length) throw new AppError("VALIDATION", "bidFilesInvalid");
  const missing = missingParts(files.map((f) => f.part));
  if (missing.length) throw new AppError("VALIDATION", "bidPartsMissing", { parts: missing.join(", ") });
  return files;
}

// The name is sealed: a file is named by its part, when it was staged and its commitment.
const named = (file: StagedFile, bidder: Bidder, locale: "id" | "en") => ({
  part: file.part,
  uploadedAt: formatInZone(file.uploadedAt, bidder.tender.timeZone, locale),
  commitment: file.commitment.slice(0, 12),
});

/** Each row is the one proven openable at upload (its MAC verifies); else the first that is not is named. */
export async function assertRowsProven(
  files: readonly StagedFile[],
  bidder: Bidder,
  locale: "id" | "en",
): Promise<void> {
  for (const file of files) {
    if (!(await isProvenRow(file))) throw new AppError("VALIDATION", "bidFileNotProven", named(file, bidder, locale));
  }
}

/**
 * The store still holds, for each file, the ciphertext proven at upload: read back (from
 * the object store when configured) and hashed. Slow for big files, so the caller runs it
 * before its transaction and then checks the rows it binds are still these.
 */
export async function assertStoreUnchanged(
  files: readonly StagedFile[],
  bidder: Bidder,
  locale: "id" | "en",
): Promise<void> {
  for (const file of files) {
    if ((await storedCiphertextSha256(file.storageKey)) !== file.ciphertextSha256)
      throw new AppError("VALIDATION", "bidFileStoreChanged", named(file, bidder, locale));
  }
}
