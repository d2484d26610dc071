import "server-only";
import { hkdfSync } from "node:crypto";
import { getInstanceKey, type InstanceKey } from "@/modules/sealing/server/instance-key";

const derived = new WeakMap<InstanceKey, Buffer>();

/**
 * The key of the audit events' MACs, derived (HKDF-SHA256, RFC 5869) from the instance's
 * Ed25519 private key, which lives in a file outside the database. Whoever can only write
 * to the database therefore cannot make an event that passes the MAC check.
 */
export async function getAuditMacKey(): Promise<Buffer> {
  const key = await getInstanceKey();
  let macKey = derived.get(key);
  if (!macKey) {
    const seed = Buffer.from(key.privateKey.export({ format: "jwk" }).d!, "base64url");
    macKey = Buffer.from(hkdfSync("sha256", seed, "segel", "segel.audit.event-mac.v1", 32));
    derived.set(key, macKey);
  }
  return macKey;
}
