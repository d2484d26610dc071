import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signReceipt } from "@/modules/bids/domain/receipt";
import { verifyReceipt, type ReceiptPayload } from "@/modules/bids/domain/verify-receipt";

/**
 * One process of Segel, as a second machine would run it: its own module state (fresh
 * imports), reading keys from the settings it is given.
 */
async function startInstance(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { getInstanceKey } = await import("@/server/instance-key");
  const { wrapAtRest, unwrapAtRest } = await import("@/modules/bids/server/opening/at-rest-key");
  const { getInstanceSubkey } = await import("@/server/instance-subkey");
  // every call below reads this instance's settings, as its own process would
  const within = async <T>(work: () => Promise<T>) => {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    return work();
  };
  return {
    key: () => within(getInstanceKey),
    sign: (bidId: string) =>
      within(async () => {
        const key = await getInstanceKey();
        const receipt = {
          bidId,
          tenderCode: "T-1",
          vendorNpwp: "01.234.567.8-901.000",
          submittedAt: "2026-12-06T08:00:00.000Z",
          files: [],
          priceCommitment: "c",
          instanceKeyFingerprint: key.fingerprint,
        } satisfies ReceiptPayload;
        return signReceipt(receipt, key.privateKey);
      }),
    wrap: (plain: Buffer) => within(() => wrapAtRest(plain, "tender-key")),
    unwrap: (wrapped: Uint8Array) => within(() => unwrapAtRest(wrapped, "tender-key")),
    auditMacKey: () => within(() => getInstanceSubkey("segel.audit.event-mac.v1")),
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "segel-keys-"));
  return () => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  };
});
afterEach(() => vi.resetModules());

/** The shared key files, as an operator provisions them for a cluster. */
function provisionSharedKeys() {
  const files = {
    SEGEL_INSTANCE_KEY_FILE: path.join(dir, "shared", "instance.pem"),
    SEGEL_AT_REST_KEY_FILE: path.join(dir, "shared", "at-rest.key"),
  };
  mkdirSync(path.join(dir, "shared"));
  writeFileSync(
    files.SEGEL_INSTANCE_KEY_FILE,
    generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }),
    { mode: 0o600 },
  );
  writeFileSync(files.SEGEL_AT_REST_KEY_FILE, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  return files;
}

describe("keys shared by the instances of a cluster", () => {
  it("two instances given the same key files sign receipts that verify on each other, and share the at-rest and MAC keys", async () => {
    const shared = { ...provisionSharedKeys(), SEGEL_CLUSTER: "1" };
    const one = await startInstance(shared);
    const other = await startInstance(shared);
    const [fromOne, fromOther] = [await one.sign("bid-1"), await other.sign("bid-2")];
    expect(verifyReceipt(fromOne, (await other.key()).publicKeyPem)).toMatchObject({ valid: true });
    expect(verifyReceipt(fromOther, (await one.key()).publicKeyPem)).toMatchObject({ valid: true });
    const secret = Buffer.from("kunci tender yang sudah dibuka");
    expect(await other.unwrap(await one.wrap(secret))).toEqual(secret);
    expect((await one.auditMacKey()).equals(await other.auditMacKey())).toBe(true);
  });

  it("instances that make their own keys (each machine's .data, as before) refuse each other's receipts as otherKey", async () => {
    const one = await startInstance({ SEGEL_INSTANCE_KEY_FILE: path.join(dir, "machine-1", "instance.pem") });
    const other = await startInstance({ SEGEL_INSTANCE_KEY_FILE: path.join(dir, "machine-2", "instance.pem") });
    expect(verifyReceipt(await one.sign("bid-1"), (await other.key()).publicKeyPem)).toEqual({
      valid: false,
      reason: "otherKey",
    });
  });

  it.each(["SEGEL_INSTANCE_KEY_FILE", "SEGEL_AT_REST_KEY_FILE"] as const)(
    "in cluster mode, refuses rather than make %s: unset, or naming a file that is not there",
    async (setting) => {
      const shared = provisionSharedKeys();
      const use = (instance: Awaited<ReturnType<typeof startInstance>>) =>
        setting === "SEGEL_INSTANCE_KEY_FILE" ? instance.key() : instance.wrap(Buffer.from("x"));
      const unset = await startInstance({ ...shared, [setting]: undefined, SEGEL_CLUSTER: "1" });
      await expect(use(unset)).rejects.toThrow(`SEGEL_CLUSTER=1: set ${setting} to the key file every instance shares`);
      const missing = path.join(dir, "not-provisioned", `${randomUUID()}.key`);
      const absent = await startInstance({ ...shared, [setting]: missing, SEGEL_CLUSTER: "1" });
      await expect(use(absent)).rejects.toThrow(`${setting} names ${missing}, which does not exist`);
      expect(existsSync(missing)).toBe(false);
      expect(existsSync(path.join(process.cwd(), ".data", "not-provisioned"))).toBe(false);
    },
  );
});
