import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openAsSealer, openKey, provesSealed, sealKey } from "./envelope";
import { generateX25519 } from "./x25519";

const flip = (buf: Buffer, at: number) => {
  const copy = Buffer.from(buf);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

describe("envelope", () => {
  const recipient = generateX25519();
  const fileKey = randomBytes(32);

  it("opens with the recipient's private key to the sealed secret", () => {
    const { envelope } = sealKey(recipient.publicKey, fileKey);
    expect(openKey(recipient.privateKey, envelope).equals(fileKey)).toBe(true);
  });

  it("re-opens from the sealer's side with the ephemeral key, without the recipient's private key", () => {
    const { envelope, ephemeralPrivateKey } = sealKey(recipient.publicKey, fileKey);
    expect(openAsSealer(ephemeralPrivateKey, recipient.publicKey, envelope).equals(fileKey)).toBe(true);
    expect(provesSealed(ephemeralPrivateKey, recipient.publicKey, envelope, fileKey)).toBe(true);
    expect(provesSealed(ephemeralPrivateKey, recipient.publicKey, envelope, randomBytes(32))).toBe(false);
  });

  it("seals each time with a fresh ephemeral key", () => {
    expect(sealKey(recipient.publicKey, fileKey).envelope.equals(sealKey(recipient.publicKey, fileKey).envelope)).toBe(
      false,
    );
  });

  // layout: version(1) | ephemeral public(32) | iv(12) | tag(16) | ciphertext
  it.each([
    ["version", 0],
    ["ephemeral public key", 5],
    ["iv", 40],
    ["tag", 50],
    ["ciphertext", 70],
  ])("refuses an envelope whose %s was altered", (_name, at) => {
    const { envelope, ephemeralPrivateKey } = sealKey(recipient.publicKey, fileKey);
    expect(() => openKey(recipient.privateKey, flip(envelope, at))).toThrow();
    expect(provesSealed(ephemeralPrivateKey, recipient.publicKey, flip(envelope, at), fileKey)).toBe(false);
  });

  it("refuses a truncated envelope and any other private key", () => {
    const { envelope } = sealKey(recipient.publicKey, fileKey);
    expect(() => openKey(recipient.privateKey, envelope.subarray(0, 60))).toThrow();
    expect(() => openKey(generateX25519().privateKey, envelope)).toThrow();
  });

  it("proves nothing with another ephemeral key or for another recipient", () => {
    const sealed = sealKey(recipient.publicKey, fileKey);
    const other = sealKey(recipient.publicKey, fileKey);
    expect(provesSealed(other.ephemeralPrivateKey, recipient.publicKey, sealed.envelope, fileKey)).toBe(false);
    expect(provesSealed(sealed.ephemeralPrivateKey, generateX25519().publicKey, sealed.envelope, fileKey)).toBe(false);
  });
});
