import { parseLogNumber } from "@/modules/audit/audit.schemas";
import { findInclusionProof } from "@/modules/audit/server/find-audit-proofs";
import { AppError } from "@/server/errors";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

/** Public: the inclusion proof of event ?seq in the newest signed head; hashes only, never the event. */
export const GET = route(
  "audit log inclusion proof",
  async (_request: Request, { params }: { params: Promise<{ seq: string }> }) => {
    const seq = parseLogNumber((await params).seq);
    const proof = seq === null ? null : await findInclusionProof(seq);
    if (!proof) throw new AppError("NOT_FOUND", "auditProofPending");
    return Response.json(proof, {
      headers: { "Content-Disposition": `attachment; filename="bukti-inklusi-${proof.seq}.json"` },
    });
  },
);
