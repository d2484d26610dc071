import { describe, expect, it } from "vitest";
import { openKey, sealKey } from "./envelope";
import { createPersonalKey, encryptPersonalKey, unlockPersonalKey } from "./personal-key";
import { decodePublicKey, publicKeyOf } from "./x25519";

describe("personal opening key", () => {
  it("unlocks with the passphrase, not with another, and opens what was sealed to it", async () => {
    const stored = await createPersonalKey("kata sandi pembukaan 1");
    const key = await unlockPersonalKey(stored, "kata sandi pembukaan 1");
    expect(key).not.toBeNull();
    expect(publicKeyOf(key!).toString("base64")).toBe(stored.publicKey);
    expect(await unlockPersonalKey(stored, "kata sandi pembukaan 2")).toBeNull();
    const { envelope } = sealKey(decodePublicKey(stored.publicKey), Buffer.from("share"));
    expect(openKey(key!, envelope).toString()).toBe("share");
  });

  it("keeps the key pair when the passphrase changes, and fails when the public key is swapped", async () => {
    const stored = await createPersonalKey("kata sandi lama 123");
    const key = (await unlockPersonalKey(stored, "kata sandi lama 123"))!;
    const changed = await encryptPersonalKey(key, "kata sandi baru 456");
    expect(changed.publicKey).toBe(stored.publicKey);
    expect(Buffer.from(changed.salt).equals(stored.salt)).toBe(false);
    expect(await unlockPersonalKey(changed, "kata sandi lama 123")).toBeNull();
    expect((await unlockPersonalKey(changed, "kata sandi baru 456"))!.equals(key)).toBe(true);
    const other = await createPersonalKey("kata sandi lain 789");
    expect(await unlockPersonalKey({ ...changed, publicKey: other.publicKey }, "kata sandi baru 456")).toBeNull();
  });
});
