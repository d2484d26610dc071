import "server-only";
import type { Db, Tx } from "@/server/db";
import {
  consistencyRanges,
  frontierNodes,
  inclusionRanges,
  perfectNodes,
  rangeHash,
  rootOfLeaves,
  type Frontier,
  type Hash,
  type PerfectNode,
  type Range,
} from "../domain/merkle";

// Reads of the stored tree: level 0 is AuditLogEntry.leafHash, higher levels are
// AuditMerkleNode rows. A proof needs O(log n) ranges of O(log n) perfect nodes each,
// fetched in one round trip per table; never a scan of the leaves.

type Client = Db | Tx;

const key = (n: PerfectNode) => `${n.level}:${n.idx}`;

async function readNodes(client: Client, nodes: PerfectNode[]): Promise<(node: PerfectNode) => Hash> {
  const leaves = nodes.filter((n) => n.level === 0).map((n) => n.idx);
  const inner = nodes.filter((n) => n.level > 0);
  const [leafRows, innerRows] = await Promise.all([
    leaves.length
      ? client.auditLogEntry.findMany({
          where: { logIndex: { in: leaves } },
          select: { logIndex: true, leafHash: true },
        })
      : [],
    inner.length
      ? client.$queryRaw<{ level: number; idx: bigint; hash: Uint8Array }[]>`
          SELECT level, idx, hash FROM "AuditMerkleNode"
          WHERE (level, idx) IN (SELECT * FROM unnest(${inner.map((n) => n.level)}::int[], ${inner.map((n) => n.idx)}::bigint[]))`
      : [],
  ]);
  const found = new Map<string, Hash>();
  for (const row of leafRows) found.set(`0:${row.logIndex}`, Buffer.from(row.leafHash));
  for (const row of innerRows) found.set(`${row.level}:${row.idx}`, Buffer.from(row.hash));
  return (node) => {
    const hash = found.get(key(node));
    if (!hash) throw new Error(`audit log node ${key(node)} is missing`);
    return hash;
  };
}

async function rangeHashes(client: Client, ranges: Range[]): Promise<Hash[]> {
  const lookup = await readNodes(client, ranges.flatMap(perfectNodes));
  return ranges.map((range) => rangeHash(range, lookup));
}

/** The number of events in the log. */
export async function logSize(client: Client): Promise<bigint> {
  const [row] = await client.$queryRaw<
    { size: bigint }[]
  >`SELECT COALESCE(MAX("logIndex") + 1, 0)::bigint AS size FROM "AuditLogEntry"`;
  return row!.size;
}

/** The right edge of the stored tree, from which the sequencer appends. */
export async function loadFrontier(client: Client, size: bigint): Promise<Frontier> {
  const nodes = frontierNodes(size);
  const lookup = await readNodes(client, nodes);
  return { size, nodes: nodes.map((n) => ({ level: n.level, hash: lookup(n) })) };
}

export async function rootAt(client: Client, size: bigint): Promise<Hash> {
  if (size === 0n) return rootOfLeaves([]);
  return (await rangeHashes(client, [{ start: 0n, end: size }]))[0]!;
}

export async function inclusionProof(client: Client, index: bigint, size: bigint): Promise<Hash[]> {
  return rangeHashes(client, inclusionRanges(index, size));
}

export async function consistencyProof(client: Client, first: bigint, second: bigint): Promise<Hash[]> {
  return rangeHashes(client, consistencyRanges(first, second));
}
