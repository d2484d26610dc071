import "server-only";
import { can, type Actor } from "@/modules/auth/domain/permissions";
import { AppError } from "@/server/errors";
import { verifyAuditChain } from "./verify-audit-chain";

export interface ChainCheckResult {
  ok: boolean;
  checked: number;
  /** seq as a string: bigint does not belong in an action result */
  brokenAt: { seq: string; reason: "PREV_HASH_MISMATCH" | "HASH_MISMATCH" } | null;
}

/**
 * Walks the whole chain on request. Limited to those who may read the audit trail: the
 * result tells which event was tampered with, and the walk is costly on a large chain.
 */
export async function checkAuditChain(actor: Actor): Promise<ChainCheckResult> {
  if (!can(actor, "audit.read")) throw new AppError("FORBIDDEN");
  const report = await verifyAuditChain();
  return {
    ok: report.ok,
    checked: report.checked,
    brokenAt: report.brokenAt ? { seq: report.brokenAt.seq.toString(), reason: report.brokenAt.reason } : null,
  };
}
