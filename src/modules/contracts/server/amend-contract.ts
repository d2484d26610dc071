import "server-only";
import { formatRupiah } from "@/lib/money";
import { fromZonedLocal, toZonedLocal } from "@/lib/zoned-time";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { addendumMessage } from "../domain/execution-messages";
import { addendumRefusal, maxAmendedValue, rescaleTermins } from "../domain/execution-rules";
import { amendContractSchema, type AmendContractInput } from "../execution.schemas";
import { contractChanged } from "./contract-changed";
import { contractLink, lockContractExecution, otherSideUserIds, refuse } from "./lock-contract-execution";

/**
 * Adendum kontrak by the contract's PPK: a new value and/or a later end, always with a reason,
 * while SIGNED or ACTIVE; the final value at most 10% above the original (Perpres 16/2018
 * Pasal 54 ayat (2) jo. 12/2021). The unsettled termins' amounts follow the new value
 * (domain rescaleTermins). Under the contract's row lock, so a payment cannot settle a termin
 * this is rescaling. The vendor is told; the public release follows.
 */
export async function amendContract(actor: Actor, input: AmendContractInput) {
  const { contractId, newValue, newEndsOn, reason } = parseInput(amendContractSchema, input);
  return db.$transaction(async (tx) => {
    const contract = await lockContractExecution(tx, actor, contractId, "ppk");
    const zone = contract.tender.paket.agency.timeZone;
    // the new end keeps the time of day the contract's end was drafted with
    const endsOnAfter = fromZonedLocal(`${newEndsOn}${toZonedLocal(contract.endsOn, zone).slice(10)}`, zone);
    if (!endsOnAfter) refuse("addendumEndEarlier", {}, "newEndsOn");
    const refusal = addendumRefusal(contract, newValue, endsOnAfter);
    if (refusal) {
      const settled = contract.termins.filter((t) => t.bastAt || t.paidAt).reduce((s, t) => s + t.amount, 0n);
      const field = refusal === "addendumEndEarlier" ? "newEndsOn" : "newValue";
      refuse(
        refusal,
        { max: formatRupiah(maxAmendedValue(contract.originalValue)), settled: formatRupiah(settled) },
        field,
      );
    }
    const now = await dbNow(tx);
    const number = (await tx.contractAddendum.count({ where: { contractId } })) + 1;
    const amounts =
      newValue === contract.value ? new Map<number, bigint>() : rescaleTermins(contract.termins, newValue);
    for (const t of contract.termins) {
      const amount = amounts.get(t.position);
      if (amount !== undefined && amount !== t.amount)
        await tx.contractTermin.update({ where: { id: t.id }, data: { amount } });
    }
    await tx.contractAddendum.create({
      data: {
        contractId,
        number,
        reason,
        valueBefore: contract.value,
        valueAfter: newValue,
        endsOnBefore: contract.endsOn,
        endsOnAfter,
        createdById: actor.userId,
        createdAt: now,
      },
    });
    await tx.contract.update({ where: { id: contractId }, data: { value: newValue, endsOn: endsOnAfter } });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.amended",
      entityType: "Contract",
      entityId: contractId,
      data: {
        number: contract.number,
        addendum: number,
        reason,
        valueBefore: contract.value,
        valueAfter: newValue,
        originalValue: contract.originalValue,
        endsOnBefore: contract.endsOn.toISOString(),
        endsOnAfter: endsOnAfter.toISOString(),
        termins: Object.fromEntries([...amounts].map(([position, amount]) => [position, amount])),
      },
    });
    await contractChanged(tx, contractId, "contractAmended", now);
    await notify(tx, {
      ...addendumMessage({ number: contract.number, paketName: contract.tender.paket.name }, number, newValue),
      link: contractLink(contractId, "vendor"),
      userIds: await otherSideUserIds(tx, contract, "ppk"),
    });
    return { number, value: newValue, endsOn: endsOnAfter };
  });
}
