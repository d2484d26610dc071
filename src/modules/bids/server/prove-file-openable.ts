import "server-only";
import { openAsSealer } from "@/modules/sealing/domain/envelope";
import { decodeFileSecret, sameCommitment, type FileSecret } from "../domain/file-seal";
import { readSealedFile } from "./read-sealed-file";

export interface StoredSealedFile {
  storageKey: string;
  ciphertextSha256: string;
  commitment: string;
  /** stored bytes, padding included */
  sizeBytes: bigint;
  wrappedKey: Uint8Array;
  iv: Uint8Array;
  authTag: Uint8Array;
}

/**
 * The Apendo lesson: a sealed file is proven openable when it is received, not at the
 * opening. From the uploader's proof (the envelope's ephemeral key) the file's secret is
 * re-derived out of the STORED envelope, exactly as the Pokja's key will later derive it;
 * the STORED ciphertext is read back, its hash checked, decrypted in memory, and must
 * authenticate and match the recorded commitment and size. Nothing is written.
 */
export async function proveFileOpenable(file: StoredSealedFile, openingPublicKey: Uint8Array, openProof: Uint8Array): Promise<boolean> {
  let secret: FileSecret;
  try {
    const opened = openAsSealer(openProof, openingPublicKey, file.wrappedKey);
    secret = decodeFileSecret(opened);
    opened.fill(0);
  } catch {
    return false;
  }
  try {
    if (!secret.salt) return false;
    const read = await readSealedFile(file, secret);
    return read.ciphertextSha256 === file.ciphertextSha256 && sameCommitment(read.commitment, file.commitment) && BigInt(read.storedBytes) === file.sizeBytes;
  } catch {
    return false;
  } finally {
    secret.fileKey.fill(0);
  }
}
