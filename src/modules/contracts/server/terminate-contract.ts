import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { activeMembershipWhere } from "@/modules/auth";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow, type Tx } from "@/server/db";
import { blacklistDueMessage, terminationMessage } from "../domain/execution-messages";
import { terminationRefusal } from "../domain/execution-rules";
import { bondToClaim, isVendorFault } from "../domain/termination-grounds";
import { terminateContractSchema, type TerminateContractInput } from "../execution.schemas";
import { contractChanged } from "./contract-changed";
import { contractLink, lockContractExecution, otherSideUserIds, refuse } from "./lock-contract-execution";

/** The PA/KPA's desk where a daftar hitam entry is made (it takes no pre-filled vendor). */
const BLACKLIST_DESK = "/daftar-hitam/kelola";

/**
 * Pemutusan kontrak by the contract's PPK on one of the listed grounds (Perpres 16/2018
 * Pasal 93 ayat (1) jo. Perpres 12/2021, from memory: domain/termination-grounds.ts), with the
 * PPK's explanation, only while SIGNED or ACTIVE. Termins already handed over may still be
 * paid; no BAST follows. The vendor is told; the public release follows. When the ground is
 * the vendor's fault, the PA/KPA of the paket's agency are told a daftar hitam decision is due
 * (Segel makes no entry itself: the sanction is their decree), and the performance bond to be
 * claimed is recorded and told (the claim is made at the guarantee's issuer, not in Segel).
 */
export async function terminateContract(actor: Actor, input: TerminateContractInput) {
  const { contractId, ground, reason } = parseInput(terminateContractSchema, input);
  return db.$transaction(async (tx) => {
    const contract = await lockContractExecution(tx, actor, contractId, "ppk");
    const refusal = terminationRefusal(contract.status);
    if (refusal) refuse(refusal);
    const now = await dbNow(tx);
    const vendorAtFault = isVendorFault(ground);
    const bond = bondToClaim(ground, { basis: contract.bondBasis, amount: contract.bondAmount });
    await tx.contract.update({
      where: { id: contractId },
      data: {
        status: "TERMINATED",
        terminatedAt: now,
        terminatedById: actor.userId,
        terminationGround: ground,
        terminationReason: reason,
      },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.terminated",
      entityType: "Contract",
      entityId: contractId,
      data: {
        number: contract.number,
        statusBefore: contract.status,
        ground,
        vendorAtFault,
        bondToClaim: bond?.toString() ?? null,
        reason,
      },
    });
    await contractChanged(tx, contractId, "contractTerminated", now);
    const ref = { number: contract.number, paketName: contract.tender.paket.name };
    await notify(tx, {
      ...terminationMessage(ref, ground, reason, bond),
      link: contractLink(contractId, "vendor"),
      userIds: await otherSideUserIds(tx, contract, "ppk"),
    });
    if (vendorAtFault) {
      const vendor = await tx.vendor.findUniqueOrThrow({
        where: { id: contract.vendorId },
        select: { name: true, npwp: true },
      });
      await notify(tx, {
        ...blacklistDueMessage(ref, vendor, ground, bond),
        link: BLACKLIST_DESK,
        userIds: await agencyKpaUserIds(tx, contract.tender.paket.agencyId, now),
      });
    }
    return { terminatedAt: now, ground, vendorAtFault, bondToClaim: bond };
  });
}

/** The users holding the KPA role (Segel's PA/KPA) in the agency now. */
async function agencyKpaUserIds(tx: Tx, agencyId: string, now: Date): Promise<string[]> {
  const rows = await tx.roleMembership.findMany({
    where: { role: "KPA", agencyId, ...activeMembershipWhere(now) },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
}
