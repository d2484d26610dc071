import { generateKeyPairSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  instanceKeyFingerprint,
  KeysBundleError,
  openKeys,
  parseKeysBundle,
  sealKeys,
  type KeysBundle,
} from "./keys-bundle";

// The cheapest scrypt cost the import accepts, so the suite stays fast; the export uses 2^17.
const N = 2 ** 14;
const PASSPHRASE = "kuda lumping di pagi hari";

const files = () => ({
  instanceKey: Buffer.from(
    generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
  ),
  atRestKey: Buffer.from(`${randomBytes(32).toString("base64")}\n`),
});

const roundTrip = (bundle: KeysBundle) => parseKeysBundle(JSON.stringify(bundle));

describe("the keys export file", () => {
  it("opens with the passphrase to the same bytes of both key files", () => {
    const keys = files();
    const bundle = roundTrip(sealKeys(keys, PASSPHRASE, { N }));
    expect(bundle).toMatchObject({
      format: "segel-keys",
      version: 1,
      fingerprint: instanceKeyFingerprint(keys.instanceKey),
      kdf: { name: "scrypt", N, r: 8, p: 1 },
      cipher: { name: "aes-256-gcm" },
    });
    expect(Buffer.from(bundle.cipher.nonce, "base64")).toHaveLength(12);
    expect(Buffer.from(bundle.kdf.salt, "base64")).toHaveLength(16);
    const opened = openKeys(bundle, PASSPHRASE);
    expect(opened.instanceKey.equals(keys.instanceKey)).toBe(true);
    expect(opened.atRestKey.equals(keys.atRestKey)).toBe(true);
  });

  it("uses scrypt N = 2^17 by default and holds no key material in clear", () => {
    const keys = files();
    const bundle = sealKeys(keys, PASSPHRASE);
    expect(bundle.kdf.N).toBe(2 ** 17);
    const text = JSON.stringify(bundle);
    expect(text).not.toContain("PRIVATE KEY");
    expect(text).not.toContain(keys.atRestKey.toString().trim());
    // one scrypt at the real cost: half a second alone, several on a loaded 2-core machine
  }, 30_000);

  it("refuses a passphrase under 15 characters", () => {
    expect(() => sealKeys(files(), "fourteen chars", { N })).toThrow(/at least 15/);
    expect(() => sealKeys(files(), "fifteen chars!!", { N })).not.toThrow();
  });

  it("does not open with another passphrase", () => {
    const bundle = sealKeys(files(), PASSPHRASE, { N });
    expect(() => openKeys(bundle, `${PASSPHRASE}.`)).toThrow(KeysBundleError);
    expect(() => openKeys(bundle, `${PASSPHRASE}.`)).toThrow(/passphrase does not open/);
  });

  it("does not open once the clear header, the tag or the ciphertext is changed", () => {
    const bundle = sealKeys(files(), PASSPHRASE, { N });
    const other = instanceKeyFingerprint(files().instanceKey);
    const ct = Buffer.from(bundle.ciphertext, "base64");
    ct[0]! ^= 1;
    const changed: KeysBundle[] = [
      { ...bundle, fingerprint: other },
      { ...bundle, cipher: { ...bundle.cipher, tag: Buffer.alloc(16).toString("base64") } },
      {
        ...bundle,
        cipher: { ...bundle.cipher, tag: Buffer.from(bundle.cipher.tag, "base64").subarray(0, 4).toString("base64") },
      },
      { ...bundle, ciphertext: ct.toString("base64") },
    ];
    for (const bad of changed) expect(() => openKeys(bad, PASSPHRASE)).toThrow(KeysBundleError);
  });

  it("names what is wrong with a file that is not one", () => {
    const bundle = sealKeys(files(), PASSPHRASE, { N });
    expect(() => parseKeysBundle("{")).toThrow(/not JSON/);
    expect(() => parseKeysBundle(JSON.stringify({ format: "other" }))).toThrow(/not a Segel keys file/);
    expect(() => parseKeysBundle(JSON.stringify({ ...bundle, version: 2 }))).toThrow(/version 2/);
    // a weakened or a memory-hungry cost is refused before any scrypt runs
    for (const cost of [2 ** 10, 2 ** 24, 3 * 2 ** 15])
      expect(() => parseKeysBundle(JSON.stringify({ ...bundle, kdf: { ...bundle.kdf, N: cost } }))).toThrow(
        /key derivation/,
      );
    expect(() => parseKeysBundle(JSON.stringify({ ...bundle, fingerprint: "abc" }))).toThrow(/fingerprint/);
  });
});
