import "server-only";
import { sameCommitment, type FileSecret } from "../domain/file-seal";
import { readSealedFile, type SealedFileLocation } from "./read-sealed-file";

export interface StoredSealedFile extends SealedFileLocation {
  ciphertextSha256: string;
  commitment: string;
  /** stored bytes, padding included */
  sizeBytes: bigint;
  wrappedKey: Uint8Array;
}

/**
 * The Apendo lesson: a sealed file is proven openable when it is received, not at the
 * opening. Run at upload, while the file's secret is still in memory: the STORED
 * ciphertext is read back from the store, its SHA-256 checked, decrypted in memory, and
 * must authenticate (GCM tag), have zero padding, and give the recorded commitment with
 * the sealed salt and the recorded padded size. Nothing is written.
 */
export async function proveFileOpenable(
  file: Omit<StoredSealedFile, "wrappedKey">,
  secret: FileSecret,
): Promise<boolean> {
  try {
    if (!secret.salt) return false;
    const read = await readSealedFile(file, secret);
    return (
      read.ciphertextSha256 === file.ciphertextSha256 &&
      sameCommitment(read.commitment, file.commitment) &&
      BigInt(read.storedBytes) === file.sizeBytes
    );
  } catch {
    return false;
  }
}
