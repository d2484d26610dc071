import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { sentMessage } from "../domain/contract-messages";
import { contractIdSchema, type ContractIdInput } from "../contracts.schemas";
import { beginStep } from "./contract-step";

/** The PPK sends the draft to the winning vendor to review; the vendor's earlier note is cleared. */
export async function sendContract(actor: Actor, input: ContractIdInput) {
  const { contractId } = parseInput(contractIdSchema, input);
  return db.$transaction(async (tx) => {
    const { contract, next, ref, notice } = await beginStep(tx, actor, contractId, "PPK", "send");
    const now = await dbNow(tx);
    await tx.contract.update({ where: { id: contractId }, data: { status: next, sentAt: now, vendorNote: null } });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.sent",
      entityType: "Contract",
      entityId: contractId,
      data: { number: contract.number, vendorId: contract.vendorId },
    });
    await notify(tx, { ...sentMessage(ref), ...(await notice()) });
    return { sentAt: now };
  });
}
