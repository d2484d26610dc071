import "server-only";
import { fromZonedLocal } from "@/lib/zoned-time";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { bastMessage } from "../domain/execution-messages";
import { bastRefusal, completesContract, progressNeeded, recordedDayRefusal } from "../domain/execution-rules";
import { recordBastSchema, type RecordBastInput } from "../execution.schemas";
import { contractChanged } from "./contract-changed";
import { contractLink, lockContractExecution, otherSideUserIds, refuse, zonedDay } from "./lock-contract-execution";

/**
 * The contract's PPK records the berita acara serah terima (number, date) of the termin that
 * runs now, once its reported progress reached the termins' shares up to it. The last one is
 * the serah terima of the whole work (Perpres 16/2018 Pasal 57): the contract is COMPLETED.
 * Refused for a terminated contract. The vendor is told; the public release follows.
 */
export async function recordBast(actor: Actor, input: RecordBastInput) {
  const { contractId, position, bastNumber, bastOn } = parseInput(recordBastSchema, input);
  return db.$transaction(async (tx) => {
    const contract = await lockContractExecution(tx, actor, contractId, "ppk");
    const termin = contract.termins.find((t) => t.position === position);
    const refusal = bastRefusal(contract.status, contract.termins, position);
    if (refusal)
      refuse(refusal, {
        position,
        needed: progressNeeded(contract.termins, position),
        reported: termin?.progressPercent ?? 0,
      });
    const now = await dbNow(tx);
    const zone = contract.tender.paket.agency.timeZone;
    const start = contract.spmkStartsOn ? zonedDay(contract.spmkStartsOn, zone) : null;
    const dayRefusal = recordedDayRefusal(bastOn, zonedDay(now, zone), start);
    if (dayRefusal) refuse(dayRefusal, { notBefore: start ?? "" }, "bastOn");
    const bastAt = fromZonedLocal(`${bastOn}T00:00`, zone)!;
    await tx.contractTermin.update({
      where: { id: termin!.id },
      data: { bastNumber, bastAt, bastById: actor.userId },
    });
    const completed = completesContract(contract.termins, position);
    if (completed)
      await tx.contract.update({ where: { id: contract.id }, data: { status: "COMPLETED", completedAt: now } });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.bastRecorded",
      entityType: "Contract",
      entityId: contract.id,
      data: { number: contract.number, position, bastNumber, bastOn, completed },
    });
    await contractChanged(tx, contract.id, completed ? "contractCompleted" : "contractProgress", now);
    await notify(tx, {
      ...bastMessage(
        { number: contract.number, paketName: contract.tender.paket.name },
        position,
        bastNumber,
        completed,
      ),
      link: contractLink(contract.id, "vendor"),
      userIds: await otherSideUserIds(tx, contract, "ppk"),
    });
    return { position, bastAt, completed };
  });
}
