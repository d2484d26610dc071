import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signReceipt } from "./receipt";
import { canonicalJson, keyFingerprint, verifyReceipt, type ReceiptPayload } from "./verify-receipt";

const instance = generateKeyPairSync("ed25519");
const payload: ReceiptPayload = {
  bidId: "0b7c1a52-3f7e-4d5a-9d0f-2f1f8e7d6c5b",
  tenderCode: "T2026000123",
  vendorNpwp: "0123456789012345",
  submittedAt: "2026-11-22T07:59:59.999Z",
  files: [{ part: "HARGA", fileName: "penawaran harga.pdf", sha256: "a".repeat(64), sizeBytes: 1234 }],
  priceCommitment: "b".repeat(64),
  instanceKeyFingerprint: keyFingerprint(instance.publicKey),
};

describe("receipt", () => {
  const signed = signReceipt(payload, instance.privateKey);

  it("verifies with the instance public key, as object, as text and with the PEM", () => {
    expect(verifyReceipt(signed, instance.publicKey).valid).toBe(true);
    expect(verifyReceipt(JSON.stringify(signed, null, 2), instance.publicKey).valid).toBe(true);
    const pem = instance.publicKey.export({ format: "pem", type: "spki" }).toString();
    expect(verifyReceipt(signed, pem).valid).toBe(true);
  });

  it("does not depend on key order", () => {
    const reordered = { signature: signed.signature, receipt: Object.fromEntries(Object.entries(payload).reverse()) };
    expect(verifyReceipt(reordered, instance.publicKey).valid).toBe(true);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  const changes: [string, (r: ReceiptPayload) => ReceiptPayload][] = [
    ["bidId", (r) => ({ ...r, bidId: "1b7c1a52-3f7e-4d5a-9d0f-2f1f8e7d6c5b" })],
    ["tenderCode", (r) => ({ ...r, tenderCode: "T2026000124" })],
    ["vendorNpwp", (r) => ({ ...r, vendorNpwp: "0123456789012346" })],
    ["submittedAt", (r) => ({ ...r, submittedAt: "2026-11-22T08:00:00.000Z" })],
    ["a file hash", (r) => ({ ...r, files: [{ ...r.files[0]!, sha256: "c".repeat(64) }] })],
    ["a file size", (r) => ({ ...r, files: [{ ...r.files[0]!, sizeBytes: 1235 }] })],
    ["a file name", (r) => ({ ...r, files: [{ ...r.files[0]!, fileName: "lain.pdf" }] })],
    ["a file part", (r) => ({ ...r, files: [{ ...r.files[0]!, part: "TEKNIS" }] })],
    ["the files (one added)", (r) => ({ ...r, files: [...r.files, r.files[0]!] })],
    ["priceCommitment", (r) => ({ ...r, priceCommitment: "d".repeat(64) })],
    ["an extra field", (r) => ({ ...r, note: "x" }) as ReceiptPayload],
  ];
  it.each(changes)("is invalid when %s changes", (_name, change) => {
    expect(verifyReceipt({ ...signed, receipt: change(payload) }, instance.publicKey)).toMatchObject({
      valid: false,
      reason: "badSignature",
    });
  });

  it("is invalid with another key, a forged signature, or a malformed file", () => {
    const other = generateKeyPairSync("ed25519");
    expect(verifyReceipt(signed, other.publicKey)).toMatchObject({ valid: false, reason: "otherKey" });
    const forged = signReceipt(
      { ...payload, instanceKeyFingerprint: keyFingerprint(instance.publicKey) },
      other.privateKey,
    );
    expect(verifyReceipt(forged, instance.publicKey)).toMatchObject({ valid: false, reason: "badSignature" });
    expect(verifyReceipt("{not json", instance.publicKey)).toMatchObject({ valid: false, reason: "malformed" });
    expect(verifyReceipt({ receipt: payload }, instance.publicKey)).toMatchObject({
      valid: false,
      reason: "malformed",
    });
  });
});
