import "server-only";
import { pipeline } from "node:stream";
import type { Actor } from "@/modules/auth/domain";
import type { BidPart } from "@/generated/prisma/enums";
import { uploadBidFile } from "../upload-bid-file";
import type { StagedUploadMeta } from "./authorize-upload";
import { stagingCipherAt, verifyingHash } from "./staging-cipher";
import { stagingStore } from "./staging-store";

/**
 * The last byte has arrived: the staged ciphertext is read back through the staging
 * cipher and streamed, as plaintext in memory only, into uploadBidFile, which judges the
 * type on the head, seals it under a fresh key to the tender's opening key and commits to
 * it (decision 0005). The bytes must hash to what the browser read from the file, or
 * nothing is sealed (CTR staging is not authenticated: this is its integrity check). The staged copy is removed whatever the outcome: sealed, it is no
 * longer needed; refused, it can never become a bid file, and a client that resumed it
 * would otherwise be told by HEAD that it is complete.
 */
export async function finishUpload(
  actor: Actor,
  id: string,
  meta: StagedUploadMeta,
  key: Buffer,
  fileName: string,
  contentHash: Buffer,
) {
  const store = stagingStore();
  try {
    const staged = await store.read(id);
    // pipeline, not pipe: a read error of the staged object must fail the body, not hang it
    const body = pipeline(staged, stagingCipherAt(key, 0), verifyingHash(contentHash), () => {});
    return await uploadBidFile(actor, { tenderId: meta.tenderId, part: meta.part as BidPart, fileName, body });
  } finally {
    key.fill(0);
    await store.datastore.remove(id).catch(() => {});
  }
}
