import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { contractStep, stepRefusal } from "../domain";
import { updateContractSchema, type UpdateContractInput } from "../contracts.schemas";
import { contractFor } from "./contract-access";
import { contractTerms } from "./contract-terms";

/**
 * The PPK edits the draft (period, payment plan, signatories) while it is DRAFT, also after the
 * vendor asked for a change. The value and the bond stay the award's and the rule's.
 */
export async function updateContract(actor: Actor, input: UpdateContractInput) {
  const { contractId, ...terms } = parseInput(updateContractSchema, input);
  return db.$transaction(async (tx) => {
    const found = await contractFor(tx, actor, contractId, "PPK", { lock: true });
    const state = { status: found.status, vendorSigned: found.vendorSignedAt !== null };
    if (!contractStep(state, "edit")) throw new AppError("INVALID_STATE", stepRefusal(state, "edit"));
    const facts = await tx.contract.findUniqueOrThrow({
      where: { id: contractId },
      select: {
        value: true,
        hps: true,
        winnerBid: { select: { correctedPrice: true, openedPrice: true } },
        tender: {
          select: {
            sppbjIssuedAt: true,
            paket: { select: { category: true, createdAt: true, agency: { select: { timeZone: true } } } },
          },
        },
      },
    });
    const { contract, termins } = contractTerms(terms, {
      category: facts.tender.paket.category,
      value: facts.value,
      correctedPrice: facts.winnerBid.correctedPrice ?? facts.winnerBid.openedPrice ?? facts.value,
      hps: facts.hps,
      paketCreatedAt: facts.tender.paket.createdAt,
      sppbjIssuedAt: facts.tender.sppbjIssuedAt!,
      timeZone: facts.tender.paket.agency.timeZone,
    });
    // a draft's termins have no progress, BAST or payment yet: replaced whole
    await tx.contractTermin.deleteMany({ where: { contractId } });
    await tx.contract.update({
      where: { id: contractId },
      data: { ...contract, termins: { create: termins } },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.updated",
      entityType: "Contract",
      entityId: contractId,
      data: { number: found.number, bondAmount: contract.bondAmount, termins: termins.length },
    });
    return { contractId };
  });
}
