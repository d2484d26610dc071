import { createHash } from "node:crypto";

// The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1. Leaves and
// interior nodes are hashed with different one-byte prefixes so a leaf can never be
// passed off as a node (second-preimage protection, RFC 9162 section 2.1.1).

export type Hash = Buffer;

export function leafHash(data: Uint8Array): Hash {
  return createHash("sha256")
    .update(Buffer.from([0x00]))
    .update(data)
    .digest();
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash("sha256")
    .update(Buffer.from([0x01]))
    .update(left)
    .update(right)
    .digest();
}

const EMPTY_ROOT = createHash("sha256").digest();

/** The largest power of two strictly smaller than n (n >= 2). */
export function splitPoint(n: bigint): bigint {
  let k = 1n;
  while (k << 1n < n) k <<= 1n;
  return k;
}

/** MTH over the leaf hashes, computed directly from the definition: the reference the stored tree is tested against. */
export function rootOfLeaves(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = Number(splitPoint(BigInt(leaves.length)));
  return nodeHash(rootOfLeaves(leaves.slice(0, k)), rootOfLeaves(leaves.slice(k)));
}

/** A subtree D[start:end] of the RFC's recursive split; its hash is MTH(D[start:end]). */
export interface Range {
  start: bigint;
  end: bigint;
}

/** RFC 9162 2.1.3.1 PATH(m, D[n]): the subtrees whose hashes prove leaf m is in the tree of size n, leaf to root. */
export function inclusionRanges(index: bigint, size: bigint): Range[] {
  if (index < 0n || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path: Range[] = [];
  let start = 0n;
  let end = size;
  while (end - start > 1n) {
    const k = splitPoint(end - start);
    if (index - start < k) {
      path.push({ start: start + k, end });
      end = start + k;
    } else {
      path.push({ start, end: start + k });
      start += k;
    }
  }
  return path.reverse();
}

/** RFC 9162 2.1.4.1 PROOF(m, D[n]): the subtrees that prove the tree of size m is a prefix of the tree of size n. */
export function consistencyRanges(first: bigint, second: bigint): Range[] {
  if (first < 0n || first > second) throw new RangeError(`no consistency from ${first} to ${second}`);
  if (first === 0n || first === second) return [];
  const proof: Range[] = [];
  let start = 0n;
  let end = second;
  let m = first;
  let isStart = true;
  while (m !== end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      proof.push({ start: start + k, end });
      end = start + k;
    } else {
      proof.push({ start, end: start + k });
      start += k;
      m -= k;
      isStart = false;
    }
  }
  if (!isStart) proof.push({ start, end });
  return proof.reverse();
}

/** A perfect subtree aligned on its own size: leaves [idx * 2^level, (idx + 1) * 2^level). */
export interface PerfectNode {
  level: number;
  idx: bigint;
}

/** The perfect subtrees a range is built from, left to right; the hashes the store must hold. */
export function perfectNodes(range: Range): PerfectNode[] {
  const nodes: PerfectNode[] = [];
  let start = range.start;
  while (start < range.end) {
    let level = 0;
    // grow while the subtree stays aligned on start and inside the range
    while (start % (1n << BigInt(level + 1)) === 0n && start + (1n << BigInt(level + 1)) <= range.end) level += 1;
    nodes.push({ level, idx: start >> BigInt(level) });
    start += 1n << BigInt(level);
  }
  return nodes;
}

/** MTH of a range from the hashes of its perfect subtrees (RFC 9162: the right part of each split folds first). */
export function rangeHash(range: Range, lookup: (node: PerfectNode) => Hash): Hash {
  const parts = perfectNodes(range).map(lookup);
  let hash = parts[parts.length - 1]!;
  for (let i = parts.length - 2; i >= 0; i--) hash = nodeHash(parts[i]!, hash);
  return hash;
}

/** RFC 9162 2.1.3.2: checks that `leaf` is at `index` in the tree of `size` leaves whose root is `root`. */
export function verifyInclusion(leaf: Hash, index: bigint, size: bigint, proof: readonly Hash[], root: Hash): boolean {
  if (index < 0n || index >= size) return false;
  let fn = index;
  let sn = size - 1n;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && r.equals(root);
}

/** RFC 9162 2.1.4.2: checks that the tree (first, firstRoot) is a prefix of (second, secondRoot). */
export function verifyConsistency(
  first: bigint,
  second: bigint,
  proof: readonly Hash[],
  firstRoot: Hash,
  secondRoot: Hash,
): boolean {
  if (first < 0n || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  // The empty tree is a prefix of every tree; nothing to prove.
  if (first === 0n) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = (first & (first - 1n)) === 0n ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1n;
  let sn = second - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && fr.equals(firstRoot) && sr.equals(secondRoot);
}

/**
 * The right edge of the tree: the roots of the perfect subtrees a tree of `size` leaves
 * splits into, largest first. Appending a leaf merges equal-sized subtrees, which yields
 * the new perfect nodes to store; nothing already stored ever changes.
 */
export interface Frontier {
  size: bigint;
  nodes: { level: number; hash: Hash }[];
}

export function appendLeaf(
  frontier: Frontier,
  leaf: Hash,
): { frontier: Frontier; completed: (PerfectNode & { hash: Hash })[] } {
  const nodes = [...frontier.nodes, { level: 0, hash: leaf }];
  const completed: (PerfectNode & { hash: Hash })[] = [];
  const size = frontier.size + 1n;
  while (nodes.length >= 2 && nodes[nodes.length - 1]!.level === nodes[nodes.length - 2]!.level) {
    const right = nodes.pop()!;
    const left = nodes.pop()!;
    const level = left.level + 1;
    const hash = nodeHash(left.hash, right.hash);
    nodes.push({ level, hash });
    completed.push({ level, idx: (size >> BigInt(level)) - 1n, hash });
  }
  return { frontier: { size, nodes }, completed };
}

export function frontierRoot(frontier: Frontier): Hash {
  if (frontier.nodes.length === 0) return EMPTY_ROOT;
  let hash = frontier.nodes[frontier.nodes.length - 1]!.hash;
  for (let i = frontier.nodes.length - 2; i >= 0; i--) hash = nodeHash(frontier.nodes[i]!.hash, hash);
  return hash;
}

/** The perfect subtrees of a tree of `size` leaves, largest first: what a frontier is loaded from. */
export function frontierNodes(size: bigint): PerfectNode[] {
  return size === 0n ? [] : perfectNodes({ start: 0n, end: size });
}
