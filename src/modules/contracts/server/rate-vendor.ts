import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { ratingMessage } from "../domain/execution-messages";
import { ratingRefusal } from "../domain/execution-rules";
import { rateVendorSchema, type RateVendorInput } from "../execution.schemas";
import { contractLink, lockContractExecution, otherSideUserIds, refuse } from "./lock-contract-execution";

/**
 * Penilaian kinerja penyedia by the contract's PPK (Perpres 16/2018 Pasal 11 ayat (1) huruf m
 * jo. 12/2021; aspects per Perlem LKPP 4/2021), once, after the contract was completed or
 * terminated. The rating is not part of the contract's public release (no contractChanged):
 * it is kept for the PPK, the vendor and the auditors.
 */
export async function rateVendor(actor: Actor, input: RateVendorInput) {
  const { contractId, quality, cost, timeliness, service, note } = parseInput(rateVendorSchema, input);
  return db.$transaction(async (tx) => {
    const contract = await lockContractExecution(tx, actor, contractId, "ppk");
    const refusal = ratingRefusal(contract.status, contract.rating !== null);
    if (refusal) refuse(refusal);
    const now = await dbNow(tx);
    const scores = { quality, cost, timeliness, service };
    await tx.vendorRating.create({
      data: { contractId, vendorId: contract.vendorId, ...scores, note, ratedById: actor.userId, ratedAt: now },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.vendorRated",
      entityType: "Contract",
      entityId: contractId,
      data: { number: contract.number, vendorId: contract.vendorId, ...scores, note },
    });
    await notify(tx, {
      ...ratingMessage({ number: contract.number, paketName: contract.tender.paket.name }),
      link: contractLink(contractId, "vendor"),
      userIds: await otherSideUserIds(tx, contract, "ppk"),
    });
    return { ratedAt: now, ...scores };
  });
}
