import "server-only";
import { createDecipheriv } from "node:crypto";
import { openKey } from "@/modules/sealing/domain/envelope";
import type { StoredSealedFile } from "./prove-file-openable";
import { readSealed } from "./sealed-file-store";

/**
 * Decrypts a bid file in memory with the tender's opening private key (from
 * openTenderKey, after the deadline). For the opening: the plaintext is returned, never
 * written; GCM refuses a ciphertext or envelope that was altered.
 */
export async function openSealedFile(openingPrivateKey: Uint8Array, file: Pick<StoredSealedFile, "storageKey" | "wrappedKey" | "iv" | "authTag">): Promise<Buffer> {
  const fileKey = openKey(openingPrivateKey, file.wrappedKey);
  try {
    const decipher = createDecipheriv("aes-256-gcm", fileKey, file.iv);
    decipher.setAuthTag(Buffer.from(file.authTag));
    const parts: Buffer[] = [];
    for await (const chunk of readSealed(file.storageKey)) parts.push(decipher.update(chunk as Buffer));
    parts.push(decipher.final());
    return Buffer.concat(parts);
  } finally {
    fileKey.fill(0);
  }
}
