import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { terminationMessage } from "../domain/execution-messages";
import { terminationRefusal } from "../domain/execution-rules";
import { terminateContractSchema, type TerminateContractInput } from "../execution.schemas";
import { contractChanged } from "./contract-changed";
import { contractLink, lockContractExecution, otherSideUserIds, refuse } from "./lock-contract-execution";

/**
 * Pemutusan kontrak by the contract's PPK, with its reason (the grounds are the contract's
 * general conditions under Perlem LKPP 12/2021; Segel records the reason, it does not judge
 * it), only while SIGNED or ACTIVE. Termins already handed over may still be paid; no BAST
 * follows. The vendor is told; the public release follows.
 */
export async function terminateContract(actor: Actor, input: TerminateContractInput) {
  const { contractId, reason } = parseInput(terminateContractSchema, input);
  return db.$transaction(async (tx) => {
    const contract = await lockContractExecution(tx, actor, contractId, "ppk");
    const refusal = terminationRefusal(contract.status);
    if (refusal) refuse(refusal);
    const now = await dbNow(tx);
    await tx.contract.update({
      where: { id: contractId },
      data: { status: "TERMINATED", terminatedAt: now, terminatedById: actor.userId, terminationReason: reason },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.terminated",
      entityType: "Contract",
      entityId: contractId,
      data: { number: contract.number, statusBefore: contract.status, reason },
    });
    await contractChanged(tx, contractId, "contractTerminated", now);
    await notify(tx, {
      ...terminationMessage({ number: contract.number, paketName: contract.tender.paket.name }, reason),
      link: contractLink(contractId, "vendor"),
      userIds: await otherSideUserIds(tx, contract, "ppk"),
    });
    return { terminatedAt: now };
  });
}
