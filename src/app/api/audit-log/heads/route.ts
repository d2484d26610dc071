import { findTreeHeads } from "@/modules/audit/server/find-audit-proofs";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

/** Public: the newest signed tree heads of the audit log, for anyone to keep copies. */
export const GET = route("audit log heads", async () => {
  const heads = await findTreeHeads(50);
  return Response.json({ algorithm: "Ed25519", publicKey: "/api/instance-key", latest: heads[0] ?? null, heads });
});
