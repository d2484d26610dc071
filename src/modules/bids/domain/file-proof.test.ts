import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fileProofMac, isFileProofValid, type ProvenFileFields } from "./file-proof";

const key = randomBytes(32);
const row: ProvenFileFields = {
  id: randomUUID(),
  tenderId: randomUUID(),
  vendorId: randomUUID(),
  part: "HARGA",
  mimeType: "application/pdf",
  sizeBytes: 65_536n,
  commitment: "a".repeat(64),
  ciphertextSha256: "b".repeat(64),
  storageKey: randomUUID(),
  wrappedKey: randomBytes(1100),
  iv: randomBytes(12),
  authTag: randomBytes(16),
};

describe("the staged file's proof MAC", () => {
  it("verifies the row it was made for, and not with another key or no MAC", () => {
    const mac = fileProofMac(key, row);
    expect(isFileProofValid(key, row, mac)).toBe(true);
    expect(isFileProofValid(randomBytes(32), row, mac)).toBe(false);
    expect(isFileProofValid(key, row, null)).toBe(false);
    expect(isFileProofValid(key, row, mac.subarray(0, 16))).toBe(false);
  });

  // Every field the opening reads or the receipt names is covered: change any one and it fails.
  it.each([
    ["id", { id: randomUUID() }],
    ["tender", { tenderId: randomUUID() }],
    ["vendor", { vendorId: randomUUID() }],
    ["part", { part: "TEKNIS" }],
    ["type", { mimeType: "application/zip" }],
    ["padded size", { sizeBytes: 131_072n }],
    ["commitment", { commitment: "c".repeat(64) }],
    ["ciphertext hash", { ciphertextSha256: "d".repeat(64) }],
    ["storage key", { storageKey: randomUUID() }],
    [
      "envelope",
      {
        wrappedKey: Buffer.concat([
          Buffer.from(row.wrappedKey).subarray(0, 1099),
          Buffer.of(row.wrappedKey[1099]! ^ 1),
        ]),
      },
    ],
    ["iv", { iv: randomBytes(12) }],
    ["tag", { authTag: randomBytes(16) }],
  ] as const)("refuses a row whose %s changed", (_name, change) => {
    const mac = fileProofMac(key, row);
    expect(isFileProofValid(key, { ...row, ...change }, mac)).toBe(false);
  });

  it("does not let bytes move between fields", () => {
    const mac = fileProofMac(key, { ...row, part: "HARGA", mimeType: "application/pdf" });
    expect(isFileProofValid(key, { ...row, part: "HARGAa", mimeType: "pplication/pdf" }, mac)).toBe(false);
  });

  it("reads ids the same in either case (PostgreSQL hands uuids back in lower case)", () => {
    const mac = fileProofMac(key, { ...row, id: row.id.toUpperCase() });
    expect(isFileProofValid(key, row, mac)).toBe(true);
  });
});
