import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { QualificationForm } from "@/modules/qualification/domain";
import { sealKey } from "./envelope";
import {
  provesQualificationSealed,
  qualificationCommitmentOf,
  readSealedQualification,
  sealQualification,
} from "./qualification-seal";
import { signReceipt } from "./receipt";
import { keyFingerprint, RECEIPT_VERSION, verifyReceipt, type ReceiptPayload } from "./verify-receipt";
import { generateX25519 } from "./x25519";

const form: QualificationForm = {
  version: 1,
  permits: [
    {
      vendorPermitId: "5d1c2b3a-0000-4000-8000-000000000001",
      kind: "SBU",
      number: "SBU-1",
      issuedBy: "LPJK",
      validUntil: "2027-12-31T00:00:00.000Z",
      documentId: null,
    },
  ],
  kbli: ["41011"],
  experience: [],
  staff: [],
  equipment: [{ forRequirement: 0, name: "Excavator", count: 2, ownership: "SEWA" }],
  financial: { netWorth: "2500000000", taxReturnYear: 2025 },
};

describe("sealed qualification form", () => {
  const key = generateX25519();

  it("opens to the form sealed, with the commitment on the receipt", () => {
    const sealed = sealQualification(key.publicKey, form);
    const read = readSealedQualification(key.privateKey, sealed.sealedQualification);
    expect(read).toEqual({ status: "OK", form, commitment: sealed.qualificationCommitment });
    expect(
      provesQualificationSealed(
        sealed.ephemeralPrivateKey,
        key.publicKey,
        sealed.sealedQualification,
        form,
        sealed.qualificationCommitment,
      ),
    ).toBe(true);
  });

  it("salts the commitment: the same form sealed twice commits differently", () => {
    const a = sealQualification(key.publicKey, form);
    const b = sealQualification(key.publicKey, form);
    expect(a.qualificationCommitment).not.toBe(b.qualificationCommitment);
    expect(a.qualificationCommitment).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not prove another form, another commitment or another key", () => {
    const sealed = sealQualification(key.publicKey, form);
    const other = { ...form, kbli: ["41012"] };
    const prove = (f: QualificationForm, commitment: string, publicKey = key.publicKey) =>
      provesQualificationSealed(sealed.ephemeralPrivateKey, publicKey, sealed.sealedQualification, f, commitment);
    expect(prove(other, sealed.qualificationCommitment)).toBe(false);
    expect(prove(form, "0".repeat(64))).toBe(false);
    expect(prove(form, sealed.qualificationCommitment, generateX25519().publicKey)).toBe(false);
  });

  it("names a malformed envelope's content without reading it, with its commitment", () => {
    for (const text of ["no salt", `${"a".repeat(64)}:[1,2]`, `${"a".repeat(64)}:{not json}`]) {
      const sealed = sealKey(key.publicKey, Buffer.from(text));
      expect(readSealedQualification(key.privateKey, sealed.envelope)).toEqual({
        status: "MALFORMED",
        form: null,
        commitment: qualificationCommitmentOf(text),
      });
    }
  });

  it("throws when the envelope does not open with the key (tampered bytes)", () => {
    const sealed = sealQualification(key.publicKey, form);
    const tampered = Buffer.from(sealed.sealedQualification);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => readSealedQualification(key.privateKey, tampered)).toThrow();
    expect(() => readSealedQualification(generateX25519().privateKey, sealed.sealedQualification)).toThrow();
  });
});

describe("receipt version 4", () => {
  const instance = generateKeyPairSync("ed25519");
  const v3: ReceiptPayload = {
    version: 3,
    bidId: "0b7c1a52-3f7e-4d5a-9d0f-2f1f8e7d6c5b",
    tenderCode: "T2026000123",
    vendorNpwp: "0123456789012345",
    receivedAt: "2026-11-22T07:59:59.000Z",
    submittedAt: "2026-11-22T07:59:59.999Z",
    files: [{ part: "HARGA", commitment: "a".repeat(64) }],
    priceCommitment: "b".repeat(64),
    instanceKeyFingerprint: keyFingerprint(instance.publicKey),
  };
  const v4: ReceiptPayload = {
    ...v3,
    version: RECEIPT_VERSION,
    integrityPactAcceptedAt: "2026-11-22T07:59:59.999Z",
    qualificationCommitment: "c".repeat(64),
  };

  it("is version 4, and a version 3 receipt without the new fields still verifies", () => {
    expect(RECEIPT_VERSION).toBe(4);
    expect(verifyReceipt(signReceipt(v3, instance.privateKey), instance.publicKey).valid).toBe(true);
    expect(verifyReceipt(signReceipt(v4, instance.privateKey), instance.publicKey).valid).toBe(true);
  });

  it.each([
    ["the pact's time", (r: ReceiptPayload) => ({ ...r, integrityPactAcceptedAt: "2026-11-22T08:00:00.000Z" })],
    ["the qualification commitment", (r: ReceiptPayload) => ({ ...r, qualificationCommitment: "d".repeat(64) })],
    ["the pact removed", (r: ReceiptPayload) => ({ ...r, integrityPactAcceptedAt: undefined })],
    ["the qualification removed", (r: ReceiptPayload) => ({ ...r, qualificationCommitment: undefined })],
  ])("is invalid when %s changes", (_name, change) => {
    const signed = signReceipt(v4, instance.privateKey);
    expect(verifyReceipt({ ...signed, receipt: change(v4) }, instance.publicKey)).toMatchObject({
      valid: false,
      reason: "badSignature",
    });
  });
});
