import "server-only";
import { hkdfSync } from "node:crypto";
import { getInstanceKey, type InstanceKey } from "./instance-key";

const derived = new WeakMap<InstanceKey, Map<string, Buffer>>();

/**
 * A 32-byte key for one purpose (`info`), derived (HKDF-SHA256, RFC 5869) from the
 * instance's Ed25519 private key, which lives in a file outside the database. Whoever can
 * only write to the database therefore cannot make a MAC under it. The one derivation of
 * every instance MAC key: audit events (decision 0008) and staged files' proofs (0005).
 */
export async function getInstanceSubkey(info: string): Promise<Buffer> {
  const key = await getInstanceKey();
  let keys = derived.get(key);
  if (!keys) derived.set(key, (keys = new Map()));
  let subkey = keys.get(info);
  if (!subkey) {
    const seed = Buffer.from(key.privateKey.export({ format: "jwk" }).d!, "base64url");
    subkey = Buffer.from(hkdfSync("sha256", seed, "segel", info, 32));
    seed.fill(0);
    keys.set(info, subkey);
  }
  return subkey;
}
