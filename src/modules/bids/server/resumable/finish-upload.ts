import "server-only";
import type { Actor } from "@/modules/auth/domain/permissions";
import type { BidPart } from "@/generated/prisma/enums";
import { uploadBidFile } from "../upload-bid-file";
import type { StagedUploadMeta } from "./authorize-upload";
import { stagingCipherAt } from "./staging-cipher";
import { stagingStore } from "./staging-store";

/**
 * The last byte has arrived: the staged ciphertext is read back through the staging
 * cipher and streamed, as plaintext in memory only, into uploadBidFile, which judges the
 * type on the head, seals it under a fresh key to the tender's opening key and commits to
 * it (decision 0005). The staged copy is removed whatever the outcome: sealed, it is no
 * longer needed; refused, it can never become a bid file, and a client that resumed it
 * would otherwise be told by HEAD that it is complete.
 */
export async function finishUpload(actor: Actor, id: string, meta: StagedUploadMeta, key: Buffer, fileName: string) {
  const store = stagingStore();
  try {
    const body = (await store.read(id)).pipe(stagingCipherAt(key, 0));
    return await uploadBidFile(actor, { tenderId: meta.tenderId, part: meta.part as BidPart, fileName, body });
  } finally {
    key.fill(0);
    await store.datastore.remove(id).catch(() => {});
  }
}
