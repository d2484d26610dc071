import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { AppError } from "@/server/errors";
import { toTreeHeadJson, type TreeHeadJson } from "../domain/tree-head";
import { verifyAuditLog, type FindingKind } from "./verify-audit-log";

/** bigints as strings: they do not belong in an action result */
export interface AuditLogCheckResult {
  ok: boolean;
  checked: number;
  pending: number;
  latestHead: TreeHeadJson | null;
  findings: { kind: FindingKind; seq: string | null; logIndex: string | null; treeSize: string | null }[];
}

/**
 * Checks the whole log on request. Limited to those who may read the audit trail: the
 * result names events, and the walk is costly on a large log.
 */
export async function checkAuditLog(actor: Actor): Promise<AuditLogCheckResult> {
  if (!can(actor, "audit.read")) throw new AppError("FORBIDDEN");
  const report = await verifyAuditLog();
  return {
    ok: report.ok,
    checked: report.checked,
    pending: report.pending,
    latestHead: report.latestHead ? toTreeHeadJson(report.latestHead) : null,
    findings: report.findings.map((f) => ({
      kind: f.kind,
      seq: f.seq?.toString() ?? null,
      logIndex: f.logIndex?.toString() ?? null,
      treeSize: f.treeSize?.toString() ?? null,
    })),
  };
}
