import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { signatoryRefusal } from "../domain";
import { vendorSignedMessage } from "../domain/contract-messages";
import { contractIdSchema, type ContractIdInput } from "../contracts.schemas";
import { beginStep } from "./contract-step";

/**
 * A user of the winning vendor signs the draft under review: a recorded act (who and when, in
 * the audit trail), not a certified electronic signature (docs/decisions/0042). The
 * signatory the draft names must be on the vendor's direksi, or hold the surat kuasa the draft
 * records from one of them (domain/signatory.ts): otherwise the refusal says so and nothing is signed.
 */
export async function signContractAsVendor(actor: Actor, input: ContractIdInput) {
  const { contractId } = parseInput(contractIdSchema, input);
  return db.$transaction(async (tx) => {
    const { contract, ref, notice } = await beginStep(tx, actor, contractId, "PENYEDIA", "vendorSign");
    const signatory = await tx.contract.findUniqueOrThrow({
      where: { id: contractId },
      select: {
        vendorSignatoryName: true,
        vendorMandateNumber: true,
        vendorMandateDate: true,
        vendorMandateGrantor: true,
      },
    });
    const { vendorSignatoryName } = signatory;
    // the CHECK Contract_vendor_mandate_whole keeps the three together
    const mandate = signatory.vendorMandateNumber
      ? {
          number: signatory.vendorMandateNumber,
          date: signatory.vendorMandateDate!,
          grantor: signatory.vendorMandateGrantor!,
        }
      : null;
    const direksi = await tx.vendorPerson.findMany({
      where: { vendorId: contract.vendorId, kind: "DIREKSI" },
      select: { name: true },
    });
    const now = await dbNow(tx);
    const refusal = signatoryRefusal(vendorSignatoryName, mandate, direksi, now);
    if (refusal)
      throw new AppError("INVALID_STATE", `contract.${refusal}`, {
        name: vendorSignatoryName,
        grantor: mandate?.grantor ?? "",
        number: mandate?.number ?? "",
      });
    await tx.contract.update({
      where: { id: contractId },
      data: { vendorSignedAt: now, vendorSignedById: actor.userId, vendorNote: null },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.vendorSigned",
      entityType: "Contract",
      entityId: contractId,
      data: {
        number: contract.number,
        value: contract.value,
        vendorSignatoryName,
        mandate: mandate && { ...mandate, date: mandate.date.toISOString() },
      },
    });
    await notify(tx, { ...vendorSignedMessage(ref), ...(await notice()) });
    return { vendorSignedAt: now };
  });
}
