import "server-only";
import { createDecipheriv, createHash } from "node:crypto";
import { openAsSealer } from "@/modules/sealing/domain/envelope";
import { readSealed } from "./sealed-file-store";

export interface StoredSealedFile {
  storageKey: string;
  ciphertextSha256: string;
  sha256: string;
  sizeBytes: bigint;
  wrappedKey: Uint8Array;
  iv: Uint8Array;
  authTag: Uint8Array;
}

/**
 * The Apendo lesson: a sealed file is proven openable when it is received, not at the
 * opening. From the uploader's proof (the envelope's ephemeral key) the file key is
 * re-derived out of the STORED envelope, exactly as the Pokja's key will later derive it;
 * the STORED ciphertext is read back, its hash checked, decrypted in memory, and must
 * authenticate and hash to the recorded plaintext SHA-256. Nothing is written.
 */
export async function proveFileOpenable(file: StoredSealedFile, openingPublicKey: Uint8Array, openProof: Uint8Array): Promise<boolean> {
  let fileKey: Buffer;
  try {
    fileKey = openAsSealer(openProof, openingPublicKey, file.wrappedKey);
  } catch {
    return false;
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", fileKey, file.iv);
    decipher.setAuthTag(Buffer.from(file.authTag));
    const cipherHash = createHash("sha256");
    const plainHash = createHash("sha256");
    let size = 0;
    for await (const chunk of readSealed(file.storageKey)) {
      cipherHash.update(chunk as Buffer);
      const plain = decipher.update(chunk as Buffer);
      size += plain.length;
      plainHash.update(plain);
    }
    const last = decipher.final();
    plainHash.update(last);
    size += last.length;
    return cipherHash.digest("hex") === file.ciphertextSha256 && plainHash.digest("hex") === file.sha256 && BigInt(size) === file.sizeBytes;
  } catch {
    return false;
  } finally {
    fileKey.fill(0);
  }
}
