import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { vendorSignedMessage } from "../domain/contract-messages";
import { contractIdSchema, type ContractIdInput } from "../contracts.schemas";
import { beginStep } from "./contract-step";

/**
 * A user of the winning vendor signs the draft under review: a recorded act (who and when, in
 * the audit trail), not a certified electronic signature (docs/decisions/0042).
 */
export async function signContractAsVendor(actor: Actor, input: ContractIdInput) {
  const { contractId } = parseInput(contractIdSchema, input);
  return db.$transaction(async (tx) => {
    const { contract, ref, notice } = await beginStep(tx, actor, contractId, "PENYEDIA", "vendorSign");
    const now = await dbNow(tx);
    await tx.contract.update({
      where: { id: contractId },
      data: { vendorSignedAt: now, vendorSignedById: actor.userId, vendorNote: null },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.vendorSigned",
      entityType: "Contract",
      entityId: contractId,
      data: { number: contract.number, value: contract.value },
    });
    await notify(tx, { ...vendorSignedMessage(ref), ...(await notice()) });
    return { vendorSignedAt: now };
  });
}
