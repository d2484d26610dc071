import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db } from "@/server/db";
import { changeRequestedMessage } from "../domain/contract-messages";
import { requestContractChangeSchema, type RequestContractChangeInput } from "../contracts.schemas";
import { beginStep } from "./contract-step";

/** A user of the winning vendor asks for a change with a note: the draft goes back to the PPK. */
export async function requestContractChange(actor: Actor, input: RequestContractChangeInput) {
  const { contractId, note } = parseInput(requestContractChangeSchema, input);
  return db.$transaction(async (tx) => {
    const { contract, next, ref, notice } = await beginStep(tx, actor, contractId, "PENYEDIA", "requestChange");
    await tx.contract.update({ where: { id: contractId }, data: { status: next, vendorNote: note } });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.changeRequested",
      entityType: "Contract",
      entityId: contractId,
      data: { number: contract.number, note },
    });
    await notify(tx, { ...changeRequestedMessage(ref), ...(await notice()) });
    return { status: next };
  });
}
