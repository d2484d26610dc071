import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A staged file is proven openable at upload (while its key is still in memory), and that
 * proof is bound to its row by an HMAC under a key derived from the instance key (outside
 * the database). The MAC covers every field the opening reads or the receipt names, so a
 * row changed in the database after its proof no longer verifies at submit.
 */
export interface ProvenFileFields {
  id: string;
  tenderId: string;
  vendorId: string;
  part: string;
  mimeType: string;
  /** stored bytes, padding included */
  sizeBytes: bigint;
  commitment: string;
  ciphertextSha256: string;
  storageKey: string;
  wrappedKey: Uint8Array;
  iv: Uint8Array;
  authTag: Uint8Array;
}

const DOMAIN = Buffer.from("segel/bid-file-proof/v1\0", "latin1");

/** Each field length-prefixed (4 bytes), in a fixed order, so no two rows share bytes. */
export function provenFileBytes(f: ProvenFileFields): Buffer {
  const fields = [
    f.id.toLowerCase(),
    f.tenderId.toLowerCase(),
    f.vendorId.toLowerCase(),
    f.part,
    f.mimeType,
    f.sizeBytes.toString(),
    f.commitment,
    f.ciphertextSha256,
    f.storageKey,
  ]
    .map((text) => Buffer.from(text, "utf8"))
    .concat([f.wrappedKey, f.iv, f.authTag].map((b) => Buffer.from(b)));
  return Buffer.concat([DOMAIN, ...fields.flatMap((b) => [u32(b.length), b])]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

export const fileProofMac = (key: Uint8Array, fields: ProvenFileFields) =>
  createHmac("sha256", key).update(provenFileBytes(fields)).digest();

export function isFileProofValid(key: Uint8Array, fields: ProvenFileFields, mac: Uint8Array | null): boolean {
  if (!mac) return false;
  const expected = fileProofMac(key, fields);
  return mac.length === expected.length && timingSafeEqual(expected, mac);
}
