import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { progressMessage } from "../domain/execution-messages";
import { progressRefusal, reportedProgress } from "../domain/execution-rules";
import { reportProgressSchema, type ReportProgressInput } from "../execution.schemas";
import { contractChanged } from "./contract-changed";
import { contractLink, lockContractExecution, otherSideUserIds, refuse } from "./lock-contract-execution";

/**
 * The winner's user reports the work's progress (percent of the whole) with a note against the
 * termin that runs now, while the contract is ACTIVE; never backwards (domain/execution-rules.ts).
 * The PPK is told; the public release follows (contractChanged).
 */
export async function reportProgress(actor: Actor, input: ReportProgressInput) {
  const { contractId, position, percent, note } = parseInput(reportProgressSchema, input);
  return db.$transaction(async (tx) => {
    const contract = await lockContractExecution(tx, actor, contractId, "vendor");
    const refusal = progressRefusal(contract.status, contract.termins, position, percent);
    if (refusal) refuse(refusal, { last: reportedProgress(contract.termins) }, "percent");
    const termin = contract.termins.find((t) => t.position === position)!;
    const now = await dbNow(tx);
    await tx.contractTermin.update({
      where: { id: termin.id },
      data: {
        progressPercent: percent,
        progressNote: note,
        progressReportedAt: now,
        progressReportedById: actor.userId,
      },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.progressReported",
      entityType: "Contract",
      entityId: contract.id,
      data: { number: contract.number, position, before: termin.progressPercent, percent, note },
    });
    await contractChanged(tx, contract.id, "contractProgress", now);
    const ref = { number: contract.number, paketName: contract.tender.paket.name };
    await notify(tx, {
      ...progressMessage(ref, position, percent),
      link: contractLink(contract.id, "ppk"),
      userIds: await otherSideUserIds(tx, contract, "vendor"),
    });
    return { position, percent, reportedAt: now };
  });
}
