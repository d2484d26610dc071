import "server-only";
import { openKey } from "../domain/envelope";
import { decodeFileSecret, type FileSecret } from "../domain/file-seal";
import type { StoredSealedFile } from "./prove-file-openable";
import { readSealedFile } from "./read-sealed-file";

/** What a sealed file's envelope tells once opened, less the key: what anyone may check with. */
export type RevealedFile = Omit<FileSecret, "fileKey"> & { commitment: string };

/** Opens a file's envelope with the tender's private key; throws when it does not open. */
export function openFileSecret(openingPrivateKey: Uint8Array, wrappedKey: Uint8Array): FileSecret {
  const opened = openKey(openingPrivateKey, wrappedKey);
  try {
    return decodeFileSecret(opened);
  } finally {
    opened.fill(0);
  }
}

/**
 * Decrypts a bid file with the tender's opening private key (after the deadline) and
 * recomputes its commitment. With `keep` the content is returned, in memory, never
 * written; without it only the commitment is computed, as a stream (the opening). GCM
 * refuses a ciphertext or envelope that was altered.
 */
export async function openSealedFile(
  openingPrivateKey: Uint8Array,
  file: Pick<StoredSealedFile, "storageKey" | "wrappedKey" | "iv" | "authTag">,
  keep = true,
): Promise<{ content: Buffer; revealed: RevealedFile }> {
  const secret = openFileSecret(openingPrivateKey, file.wrappedKey);
  const parts: Buffer[] = [];
  try {
    const read = await readSealedFile(file, secret, keep ? (chunk) => parts.push(Buffer.from(chunk)) : undefined);
    return {
      content: Buffer.concat(parts),
      revealed: {
        salt: secret.salt,
        fileName: secret.fileName,
        sizeBytes: secret.sizeBytes,
        commitment: read.commitment,
      },
    };
  } finally {
    secret.fileKey.fill(0);
  }
}
