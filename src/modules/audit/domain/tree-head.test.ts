import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isTreeHeadSigned, parseTreeHead, signTreeHead, toTreeHeadJson, treeHeadBytes } from "./tree-head";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const head = signTreeHead(
  { treeSize: 12n, rootHash: "ab".repeat(32), timestamp: "2026-12-06T05:00:00.000Z" },
  privateKey,
);

describe("signed tree heads", () => {
  it("signs a fixed, prefixed encoding of size, root and time", () => {
    expect(treeHeadBytes(head).toString()).toBe(
      `segel.audit.tree-head.v1\n{"rootHash":"${"ab".repeat(32)}","timestamp":"2026-12-06T05:00:00.000Z","treeSize":"12"}`,
    );
    expect(isTreeHeadSigned(head, publicKey)).toBe(true);
  });

  it.each([
    ["size", { treeSize: 13n }],
    ["root", { rootHash: "cd".repeat(32) }],
    ["time", { timestamp: "2026-12-06T05:00:01.000Z" }],
    ["signature", { signature: Buffer.alloc(64).toString("base64") }],
    ["truncated signature", { signature: head.signature.slice(0, 40) }],
  ])("refuses a head whose %s changed", (_name, change) => {
    expect(isTreeHeadSigned({ ...head, ...change }, publicKey)).toBe(false);
  });

  it("refuses a head signed by another key", () => {
    expect(isTreeHeadSigned(head, generateKeyPairSync("ed25519").publicKey)).toBe(false);
  });

  it("round-trips through its JSON form and rejects malformed lines", () => {
    expect(parseTreeHead(JSON.parse(JSON.stringify(toTreeHeadJson(head))))).toEqual(head);
    for (const bad of [
      null,
      "x",
      { ...toTreeHeadJson(head), treeSize: "-1" },
      { ...toTreeHeadJson(head), treeSize: "1".repeat(20) },
      { ...toTreeHeadJson(head), rootHash: "AB" },
      { ...toTreeHeadJson(head), timestamp: "yesterday" },
      { ...toTreeHeadJson(head), signature: 5 },
    ]) {
      expect(parseTreeHead(bad)).toBeNull();
    }
  });
});
