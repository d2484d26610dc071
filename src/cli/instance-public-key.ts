import { createPrivateKey, createPublicKey } from "node:crypto";
import { readFile } from "node:fs/promises";
import { instanceKeyPath } from "../server/key-paths";

/**
 * The instance's public key for the offline checks (verify-receipt, verify-audit-proof):
 * the PEM file given (from GET /api/instance-key, field publicKeyPem), else SEGEL_URL's
 * /api/instance-key, else, on the LPSE server itself, the instance key file
 * (SEGEL_INSTANCE_KEY_FILE, default .data/instance-ed25519.pem).
 */
export async function instancePublicKeyPem(pemFile: string | undefined): Promise<string> {
  if (pemFile) return readFile(pemFile, "utf8");
  if (process.env.SEGEL_URL) {
    const response = await fetch(new URL("/api/instance-key", process.env.SEGEL_URL));
    if (!response.ok) throw new Error(`GET /api/instance-key answered ${response.status}`);
    return ((await response.json()) as { publicKeyPem: string }).publicKeyPem;
  }
  return createPublicKey(createPrivateKey(await readFile(instanceKeyPath(), "utf8")))
    .export({ format: "pem", type: "spki" })
    .toString();
}
