import { sign, verify, type KeyObject } from "node:crypto";
import { canonicalize } from "./event-encoding";

/**
 * A signed tree head: the log's size and root at a database time, signed Ed25519 with
 * the instance key. Pure on purpose: the offline check (src/cli/verify-audit-proof.ts)
 * uses this file, Node and the public key from /api/instance-key.
 */
export interface SignedTreeHead {
  treeSize: bigint;
  /** hex SHA-256 root (RFC 9162 MTH) */
  rootHash: string;
  /** database time, ISO 8601 */
  timestamp: string;
  /** base64 Ed25519 signature over treeHeadBytes() */
  signature: string;
}

/** The JSON form of a head: in the heads file, the routes and the downloaded proofs. */
export interface TreeHeadJson {
  treeSize: string;
  rootHash: string;
  timestamp: string;
  signature: string;
}

// A prefix of our own, so a head's signature can never be taken for a receipt's.
const CONTEXT = "segel.audit.tree-head.v1\n";

export function treeHeadBytes(head: Pick<SignedTreeHead, "treeSize" | "rootHash" | "timestamp">): Buffer {
  return Buffer.from(
    CONTEXT + canonicalize({ treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp }),
    "utf8",
  );
}

export function signTreeHead(head: Omit<SignedTreeHead, "signature">, privateKey: KeyObject): SignedTreeHead {
  return { ...head, signature: sign(null, treeHeadBytes(head), privateKey).toString("base64") };
}

export function isTreeHeadSigned(head: SignedTreeHead, publicKey: KeyObject): boolean {
  const signature = Buffer.from(head.signature, "base64");
  return signature.length === 64 && verify(null, treeHeadBytes(head), publicKey, signature);
}

export function toTreeHeadJson(head: SignedTreeHead): TreeHeadJson {
  return {
    treeSize: head.treeSize.toString(),
    rootHash: head.rootHash,
    timestamp: head.timestamp,
    signature: head.signature,
  };
}

const HEX32 = /^[0-9a-f]{64}$/;

/** Parses one head; null when it is not a well-formed head (a torn or edited line). */
export function parseTreeHead(value: unknown): SignedTreeHead | null {
  if (value === null || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.treeSize !== "string" || !/^\d{1,19}$/.test(v.treeSize)) return null;
  if (typeof v.rootHash !== "string" || !HEX32.test(v.rootHash)) return null;
  if (typeof v.timestamp !== "string" || Number.isNaN(Date.parse(v.timestamp))) return null;
  if (typeof v.signature !== "string") return null;
  return { treeSize: BigInt(v.treeSize), rootHash: v.rootHash, timestamp: v.timestamp, signature: v.signature };
}
