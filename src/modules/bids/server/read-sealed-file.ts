import "server-only";
import { createDecipheriv, createHash } from "node:crypto";
import { commitmentHash, type FileSecret } from "../domain/file-seal";
import { readSealed } from "./sealed-file-store";

export interface SealedFileLocation {
  storageKey: string;
  iv: Uint8Array;
  authTag: Uint8Array;
}

export interface ReadSealedFile {
  /** the commitment recomputed from what decrypted (salted for v2, plain SHA-256 for v1) */
  commitment: string;
  ciphertextSha256: string;
  /** bytes stored, padding included */
  storedBytes: number;
}

/**
 * The one way a stored sealed file is decrypted, as a stream so a 20 MB file is never
 * held whole unless the caller keeps the chunks (onContent). The content is the first
 * `sizeBytes` (sealed in the envelope) of the plaintext; the padding after it must be
 * zeros. Throws when the GCM tag, the padding or the length is wrong; the commitment is
 * only returned once final() has verified the tag.
 */
export async function readSealedFile(
  file: SealedFileLocation,
  secret: FileSecret,
  onContent?: (chunk: Buffer) => void,
): Promise<ReadSealedFile> {
  const decipher = createDecipheriv("aes-256-gcm", secret.fileKey, file.iv);
  decipher.setAuthTag(Buffer.from(file.authTag));
  const commitment = commitmentHash(secret);
  const cipherHash = createHash("sha256");
  let plainBytes = 0;
  let badPadding = false;
  const take = (plain: Buffer) => {
    const contentLeft =
      secret.sizeBytes === null ? plain.length : Math.max(0, Math.min(plain.length, secret.sizeBytes - plainBytes));
    const content = plain.subarray(0, contentLeft);
    commitment.update(content);
    onContent?.(content);
    if (plain.subarray(contentLeft).some((b) => b !== 0)) badPadding = true;
    plainBytes += plain.length;
  };
  for await (const chunk of readSealed(file.storageKey)) {
    cipherHash.update(chunk as Buffer);
    take(decipher.update(chunk as Buffer));
  }
  take(decipher.final());
  if (badPadding || (secret.sizeBytes !== null && plainBytes < secret.sizeBytes))
    throw new Error("sealed file does not match its secret");
  return { commitment: commitment.digest("hex"), ciphertextSha256: cipherHash.digest("hex"), storedBytes: plainBytes };
}
