import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { toTreeHeadJson, type TreeHeadJson } from "../domain/tree-head";
import { consistencyProof, inclusionProof, logSize } from "./merkle-store";

// Public reads of the log: heads, and proofs against them. Hashes only: an inclusion
// proof names an event by its seq and leaf hash, never by its content.

type HeadRow = { treeSize: bigint; rootHash: Uint8Array; signedAt: Date; signature: Uint8Array };

const toJson = (row: HeadRow): TreeHeadJson =>
  toTreeHeadJson({
    treeSize: row.treeSize,
    rootHash: Buffer.from(row.rootHash).toString("hex"),
    timestamp: row.signedAt.toISOString(),
    signature: Buffer.from(row.signature).toString("base64"),
  });

const headSelect = { treeSize: true, rootHash: true, signedAt: true, signature: true } as const;

/** The newest signed heads, newest first. */
export async function findTreeHeads(limit = 20): Promise<TreeHeadJson[]> {
  const rows = await db.auditTreeHead.findMany({
    orderBy: { id: "desc" },
    take: Math.min(Math.max(limit, 1), 100),
    select: headSelect,
  });
  return rows.map(toJson);
}

export interface InclusionProofJson {
  seq: string;
  logIndex: string;
  leafHash: string;
  treeHead: TreeHeadJson;
  /** hex hashes, leaf to root (RFC 9162 2.1.3) */
  proof: string[];
}

/** The proof that event `seq` is in the newest head that covers it; null while it waits for sequencing or a head. */
export async function findInclusionProof(seq: bigint): Promise<InclusionProofJson | null> {
  const entry = await db.auditLogEntry.findUnique({
    where: { eventSeq: seq },
    select: { logIndex: true, leafHash: true },
  });
  if (!entry) return null;
  const head = await db.auditTreeHead.findFirst({
    where: { treeSize: { gt: entry.logIndex } },
    orderBy: { id: "desc" },
    select: headSelect,
  });
  if (!head) return null;
  const proof = await inclusionProof(db, entry.logIndex, head.treeSize);
  return {
    seq: seq.toString(),
    logIndex: entry.logIndex.toString(),
    leafHash: Buffer.from(entry.leafHash).toString("hex"),
    treeHead: toJson(head),
    proof: proof.map((h) => h.toString("hex")),
  };
}

/** The proof that the tree of `first` events is a prefix of the tree of `second` (RFC 9162 2.1.4). */
export async function findConsistencyProof(
  first: bigint,
  second: bigint,
): Promise<{ first: string; second: string; proof: string[] }> {
  if (first < 0n || first > second || second > (await logSize(db))) throw new AppError("VALIDATION", "auditProofRange");
  const proof = await consistencyProof(db, first, second);
  return { first: first.toString(), second: second.toString(), proof: proof.map((h) => h.toString("hex")) };
}

/** The vendor's receipt shows that its `bid.submitted` event is in the log: seq and proof, or null while it waits. */
export async function findBidInclusionProof(
  bidId: string,
): Promise<{ seq: string; proof: InclusionProofJson | null } | null> {
  const event = await db.auditEvent.findFirst({
    where: { action: "bid.submitted", entityType: "Bid", entityId: bidId },
    select: { seq: true },
  });
  if (!event) return null;
  return { seq: event.seq.toString(), proof: await findInclusionProof(event.seq) };
}
