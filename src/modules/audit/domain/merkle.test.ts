import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  appendLeaf,
  consistencyRanges,
  frontierNodes,
  frontierRoot,
  inclusionRanges,
  leafHash,
  nodeHash,
  rangeHash,
  rootOfLeaves,
  verifyConsistency,
  verifyInclusion,
  type Frontier,
  type Hash,
  type PerfectNode,
} from "./merkle";

const MAX = 64;
const leaves = Array.from({ length: MAX }, (_, i) => leafHash(Buffer.from(`event ${i}`)));

/** Every perfect node a store would hold for the first `size` leaves, built by appending one leaf at a time. */
function buildStore(size: number) {
  const store = new Map<string, Hash>();
  let frontier: Frontier = { size: 0n, nodes: [] };
  const roots: Hash[] = [];
  for (let i = 0; i < size; i++) {
    store.set(`0:${i}`, leaves[i]!);
    const step = appendLeaf(frontier, leaves[i]!);
    for (const node of step.completed) store.set(`${node.level}:${node.idx}`, node.hash);
    frontier = step.frontier;
    roots.push(frontierRoot(frontier));
  }
  const lookup = (node: PerfectNode) => {
    const hash = store.get(`${node.level}:${node.idx}`);
    if (!hash) throw new Error(`node ${node.level}:${node.idx} not stored`);
    return hash;
  };
  return { lookup, roots };
}

const { lookup, roots } = buildStore(MAX);
// the reference: MTH straight from its definition, once per size
const mths = Array.from({ length: MAX + 1 }, (_, n) => rootOfLeaves(leaves.slice(0, n)));
const mth = (n: number) => mths[n]!;
const flip = (hash: Hash) => {
  const copy = Buffer.from(hash);
  copy[0]! ^= 1;
  return copy;
};

describe("tree hashing (RFC 9162 2.1.1)", () => {
  it("hashes the empty tree, a leaf and a node with their prefixes", () => {
    expect(rootOfLeaves([]).toString("hex")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(leafHash(Buffer.from("")).toString("hex")).toBe(
      createHash("sha256")
        .update(Buffer.from([0]))
        .digest("hex"),
    );
    expect(nodeHash(leaves[0]!, leaves[1]!)).toEqual(
      createHash("sha256")
        .update(Buffer.concat([Buffer.from([1]), leaves[0]!, leaves[1]!]))
        .digest(),
    );
  });

  it("the incrementally built frontier gives the brute-force MTH at every size 1..64", () => {
    for (let n = 1; n <= MAX; n++) expect(roots[n - 1]!.equals(mth(n)), `size ${n}`).toBe(true);
  });

  it("the stored perfect nodes give the MTH of every size 1..64", () => {
    for (let n = 1; n <= MAX; n++) {
      expect(rangeHash({ start: 0n, end: BigInt(n) }, lookup).equals(mth(n))).toBe(true);
      expect(frontierNodes(BigInt(n)).length).toBe(n.toString(2).replaceAll("0", "").length);
    }
  });
});

describe("inclusion proofs (RFC 9162 2.1.3)", () => {
  it("proves every leaf of every tree of 1..64 leaves, and rejects every tampered proof", { timeout: 60_000 }, () => {
    for (let n = 1; n <= MAX; n++) {
      const root = mth(n);
      for (let m = 0; m < n; m++) {
        const proof = inclusionRanges(BigInt(m), BigInt(n)).map((r) => rangeHash(r, lookup));
        expect(verifyInclusion(leaves[m]!, BigInt(m), BigInt(n), proof, root), `leaf ${m} of ${n}`).toBe(true);
        // a changed sibling, a dropped or added one, another leaf, index or size
        proof.forEach((_, i) =>
          expect(verifyInclusion(leaves[m]!, BigInt(m), BigInt(n), proof.with(i, flip(proof[i]!)), root)).toBe(false),
        );
        if (proof.length) expect(verifyInclusion(leaves[m]!, BigInt(m), BigInt(n), proof.slice(1), root)).toBe(false);
        expect(verifyInclusion(leaves[m]!, BigInt(m), BigInt(n), [...proof, leaves[0]!], root)).toBe(false);
        expect(verifyInclusion(flip(leaves[m]!), BigInt(m), BigInt(n), proof, root)).toBe(false);
        expect(verifyInclusion(leaves[m]!, BigInt(m), BigInt(n), proof, flip(root))).toBe(false);
        if (n > 1) expect(verifyInclusion(leaves[m]!, BigInt((m + 1) % n), BigInt(n), proof, root)).toBe(false);
      }
    }
  });

  it("refuses an index outside the tree", () => {
    expect(verifyInclusion(leaves[0]!, 1n, 1n, [], leaves[0]!)).toBe(false);
    expect(() => inclusionRanges(3n, 3n)).toThrow(RangeError);
  });
});

describe("consistency proofs (RFC 9162 2.1.4)", () => {
  it("proves every prefix of every tree of 1..64 leaves, and rejects every tampered proof", { timeout: 60_000 }, () => {
    for (let n = 1; n <= MAX; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyRanges(BigInt(m), BigInt(n)).map((r) => rangeHash(r, lookup));
        const [first, second] = [mth(m), mth(n)];
        expect(verifyConsistency(BigInt(m), BigInt(n), proof, first, second), `${m} -> ${n}`).toBe(true);
        proof.forEach((_, i) =>
          expect(verifyConsistency(BigInt(m), BigInt(n), proof.with(i, flip(proof[i]!)), first, second)).toBe(false),
        );
        if (proof.length)
          expect(verifyConsistency(BigInt(m), BigInt(n), proof.slice(0, -1), first, second)).toBe(false);
        expect(verifyConsistency(BigInt(m), BigInt(n), [...proof, leaves[0]!], first, second)).toBe(false);
        expect(verifyConsistency(BigInt(m), BigInt(n), proof, flip(first), second)).toBe(false);
        expect(verifyConsistency(BigInt(m), BigInt(n), proof, first, flip(second))).toBe(false);
      }
    }
  });

  it("names the empty tree a prefix of any tree and refuses a shrinking one", () => {
    expect(consistencyRanges(0n, 5n)).toEqual([]);
    expect(verifyConsistency(0n, 5n, [], mth(0), mth(5))).toBe(true);
    expect(verifyConsistency(6n, 5n, [], mth(6), mth(5))).toBe(false);
    expect(() => consistencyRanges(6n, 5n)).toThrow(RangeError);
  });

  it("rejects a rewritten history: the old root is not a prefix of a tree with a changed leaf", () => {
    const forged = [...leaves.slice(0, 20)];
    forged[7] = leafHash(Buffer.from("rewritten"));
    const forgedRoot = rootOfLeaves(forged);
    const proof = consistencyRanges(10n, 20n).map((r) => rootOfLeaves(forged.slice(Number(r.start), Number(r.end))));
    expect(verifyConsistency(10n, 20n, proof, mth(10), forgedRoot)).toBe(false);
  });
});
