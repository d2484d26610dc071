import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { vendorUserIds } from "@/modules/sanggah";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { contractStep, stepRefusal, type ContractStep } from "../domain";
import { contractFor, contractPath, ppkUserIds, type ContractSide } from "./contract-access";

/**
 * The common start of a review or signing step: the contract locked and seen by this side,
 * the step open in its state (else INVALID_STATE with the reason), and the other side's users
 * and page for the notice.
 */
export async function beginStep(tx: Tx, actor: Actor, contractId: string, side: ContractSide, step: ContractStep) {
  const contract = await contractFor(tx, actor, contractId, side, { lock: true });
  const state = { status: contract.status, vendorSigned: contract.vendorSignedAt !== null };
  const next = contractStep(state, step);
  if (!next) throw new AppError("INVALID_STATE", stepRefusal(state, step));
  const other: ContractSide = side === "PPK" ? "PENYEDIA" : "PPK";
  return {
    contract,
    next,
    ref: { number: contract.number, paketName: contract.tender.paket.name },
    notice: async () => ({
      link: contractPath(contractId, other),
      userIds: other === "PPK" ? await ppkUserIds(tx, contractId) : await vendorUserIds(tx, contract.vendorId),
    }),
  };
}
