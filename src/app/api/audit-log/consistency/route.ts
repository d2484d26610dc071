import { parseLogNumber } from "@/modules/audit/audit.schemas";
import { findConsistencyProof } from "@/modules/audit/server/find-audit-proofs";
import { AppError } from "@/server/errors";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

/** Public: the RFC 9162 consistency proof from the tree of ?first= events to the tree of ?second=. */
export const GET = route("audit log consistency proof", async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const first = parseLogNumber(params.get("first"));
  const second = parseLogNumber(params.get("second"));
  if (first === null || second === null) throw new AppError("VALIDATION", "auditProofRange");
  return Response.json(await findConsistencyProof(first, second));
});
