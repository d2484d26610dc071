import "server-only";
import { formatRupiah } from "@/lib/money";
import { fromZonedLocal } from "@/lib/zoned-time";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { paymentMessage } from "../domain/execution-messages";
import { paymentRefusal, recordedDayRefusal } from "../domain/execution-rules";
import { recordPaymentSchema, type RecordPaymentInput } from "../execution.schemas";
import { contractChanged } from "./contract-changed";
import { contractLink, lockContractExecution, otherSideUserIds, refuse, zonedDay } from "./lock-contract-execution";

/**
 * The contract's PPK records a termin's payment (amount, date, the SP2D or transfer reference)
 * after its BAST, once, never above the termin's amount (Perpres 16/2018 Pasal 53). Twice at
 * once: the contract's row lock serialises them and the second sees paidAt. The vendor is told.
 */
export async function recordPayment(actor: Actor, input: RecordPaymentInput) {
  const { contractId, position, amount, paidOn, reference } = parseInput(recordPaymentSchema, input);
  return db.$transaction(async (tx) => {
    const contract = await lockContractExecution(tx, actor, contractId, "ppk");
    const termin = contract.termins.find((t) => t.position === position);
    if (!termin) refuse("notCurrentTermin");
    const refusal = paymentRefusal(contract.status, termin, amount);
    if (refusal) refuse(refusal, { amount: formatRupiah(termin.amount) }, "amount");
    const now = await dbNow(tx);
    const zone = contract.tender.paket.agency.timeZone;
    const bastDay = zonedDay(termin.bastAt!, zone);
    const dayRefusal = recordedDayRefusal(paidOn, zonedDay(now, zone), bastDay);
    if (dayRefusal) refuse(dayRefusal, { notBefore: bastDay }, "paidOn");
    const paidAt = fromZonedLocal(`${paidOn}T00:00`, zone)!;
    await tx.contractTermin.update({
      where: { id: termin.id },
      data: { paidAmount: amount, paidAt, paymentReference: reference, paidById: actor.userId },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.paymentRecorded",
      entityType: "Contract",
      entityId: contract.id,
      data: { number: contract.number, position, amount, terminAmount: termin.amount, paidOn, reference },
    });
    await contractChanged(tx, contract.id, "contractProgress", now);
    await notify(tx, {
      ...paymentMessage(
        { number: contract.number, paketName: contract.tender.paket.name },
        position,
        amount,
        reference,
      ),
      link: contractLink(contract.id, "vendor"),
      userIds: await otherSideUserIds(tx, contract, "ppk"),
    });
    return { position, amount, paidAt };
  });
}
