import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";

/**
 * The bid receipt and its check. Pure and dependency-free on purpose: the CLI and anyone
 * offline can verify a receipt with this file, Node and the instance public key.
 */
/** Receipts before version 2 named each file and gave its plain SHA-256 and size. */
export interface ReceiptFileV1 {
  part: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Version 2: only the salted commitment to each file (domain/file-seal.ts). The name, the
 * exact size and the salt are sealed until the opening, when they are published so
 * anyone can recompute the commitment from the file.
 */
export interface ReceiptFileV2 {
  part: string;
  commitment: string;
}

export type ReceiptFile = ReceiptFileV1 | ReceiptFileV2;

/**
 * Version 3 adds receivedAt (decision 0020); version 4 the pakta integritas and the
 * qualification form's commitment (issue 15, decision 0042). Versions 1 to 3 still verify:
 * the signature covers whatever fields a receipt has.
 */
export const RECEIPT_VERSION = 4;

export interface ReceiptPayload {
  /** absent on version 1 receipts */
  version?: 2 | 3 | typeof RECEIPT_VERSION;
  bidId: string;
  tenderCode: string;
  vendorNpwp: string;
  /** when the submit request arrived, database time, ISO 8601: the deadline is judged on it (version 3) */
  receivedAt?: string;
  /** when the bid was recorded, database time, ISO 8601 */
  submittedAt: string;
  files: ReceiptFile[];
  priceCommitment: string;
  /**
   * version 4: when the vendor accepted the pakta integritas with this bid (database time,
   * ISO 8601; Perpres 16/2018 Pasal 7, etika pengadaan)
   */
  integrityPactAcceptedAt?: string;
  /** version 4: the salted commitment to the sealed qualification form, on tenders that ask for one */
  qualificationCommitment?: string;
  instanceKeyFingerprint: string;
}

/** Each file line as part and commitment, whichever version the receipt is. */
export function receiptFileLines(receipt: Pick<ReceiptPayload, "files">): { part: string; commitment: string }[] {
  return receipt.files.map((f) => ({ part: f.part, commitment: "commitment" in f ? f.commitment : f.sha256 }));
}

/** What the vendor downloads: the payload, its Ed25519 signature (base64), the algorithm. */
export interface SignedReceipt {
  receipt: ReceiptPayload;
  signature: string;
  algorithm: "Ed25519";
}

/** Canonical JSON: keys sorted at every level, no spaces, so the signed bytes are reproducible. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error("non-finite number");
  return JSON.stringify(value);
}

export function toPublicKey(key: KeyObject | string): KeyObject {
  return typeof key === "string" ? createPublicKey(key) : key;
}

/** "sha256:" + hex SHA-256 of the raw 32-byte Ed25519 public key. */
export function keyFingerprint(key: KeyObject | string): string {
  const jwk = toPublicKey(key).export({ format: "jwk" });
  if (jwk.crv !== "Ed25519" || !jwk.x) throw new Error("not an Ed25519 public key");
  return `sha256:${createHash("sha256").update(Buffer.from(jwk.x, "base64url")).digest("hex")}`;
}

export type VerifyResult =
  { valid: true; receipt: ReceiptPayload } | { valid: false; reason: "malformed" | "otherKey" | "badSignature" };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Checks a downloaded receipt (the SignedReceipt JSON, parsed or as text) against a public key. */
export function verifyReceipt(input: unknown, publicKey: KeyObject | string): VerifyResult {
  let parsed: unknown = input;
  if (typeof input === "string") {
    try {
      parsed = JSON.parse(input);
    } catch {
      return { valid: false, reason: "malformed" };
    }
  }
  if (!isObject(parsed) || !isObject(parsed.receipt) || typeof parsed.signature !== "string")
    return { valid: false, reason: "malformed" };
  const receipt = parsed.receipt as unknown as ReceiptPayload;
  if (typeof receipt.instanceKeyFingerprint !== "string" || !Array.isArray(receipt.files))
    return { valid: false, reason: "malformed" };
  const key = toPublicKey(publicKey);
  if (receipt.instanceKeyFingerprint !== keyFingerprint(key)) return { valid: false, reason: "otherKey" };
  const signature = Buffer.from(parsed.signature, "base64");
  const ok = signature.length === 64 && verify(null, Buffer.from(canonicalJson(receipt)), key, signature);
  return ok ? { valid: true, receipt } : { valid: false, reason: "badSignature" };
}
