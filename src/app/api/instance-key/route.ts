import { getInstanceKey } from "@/server/instance-key";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

/** The public half of the receipt-signing key, for verifying receipts offline. */
export const GET = route("instance key", async () => {
  const key = await getInstanceKey();
  return Response.json({
    algorithm: "Ed25519",
    publicKeyPem: key.publicKeyPem,
    publicKeyBase64: key.publicKeyRaw,
    fingerprint: key.fingerprint,
  });
});
