import "server-only";
import { createHash } from "node:crypto";
import { getInstanceSubkey } from "@/server/instance-subkey";
import { fileProofMac, isFileProofValid, type ProvenFileFields } from "../domain/file-proof";
import { readSealed } from "./sealed-file-store";

const proofKey = () => getInstanceSubkey("segel.bid.file-proof.v1");

/** The MAC that binds a file's upload-time proof (proveFileOpenable) to its row. */
export async function signProvenFile(fields: ProvenFileFields): Promise<Buffer> {
  return fileProofMac(await proofKey(), fields);
}

/** True when the row is exactly the one proven at upload (decision 0005). */
export async function isProvenRow(row: ProvenFileFields & { proofMac: Uint8Array | null }): Promise<boolean> {
  return isFileProofValid(await proofKey(), row, row.proofMac);
}

/** SHA-256 of the stored ciphertext as the store hands it back now; null when it is gone. */
export async function storedCiphertextSha256(storageKey: string): Promise<string | null> {
  try {
    const hash = createHash("sha256");
    for await (const chunk of readSealed(storageKey)) hash.update(chunk as Buffer);
    return hash.digest("hex");
  } catch {
    return null;
  }
}
