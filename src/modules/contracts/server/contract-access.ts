import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";

export type ContractSide = "PPK" | "PENYEDIA";

/**
 * A contract locked (with `lock`) for a step of `side`, decided at the data by `mayActOn`:
 * the PPK who answers for it, or a user of the winning vendor. Anyone else learns nothing:
 * NOT_FOUND.
 */
export async function contractFor(
  tx: Tx,
  actor: Actor,
  contractId: string,
  side: ContractSide,
  options: { lock?: boolean } = {},
) {
  if (options.lock) await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${contractId}::uuid FOR UPDATE`;
  const contract = await tx.contract.findUnique({
    where: { id: contractId },
    select: {
      id: true,
      tenderId: true,
      vendorId: true,
      number: true,
      status: true,
      value: true,
      vendorSignedAt: true,
      draftedById: true,
      ppkSignedById: true,
      tender: {
        select: {
          code: true,
          paket: { select: { name: true, agencyId: true, createdById: true, agency: { select: { timeZone: true } } } },
        },
      },
    },
  });
  if (!contract || !mayActOn(actor, side, contract)) throw new AppError("NOT_FOUND");
  return contract;
}

/** Who answers for a contract on each side (the columns `mayRead` and `mayActOn` read). */
export interface ContractParties {
  vendorId: string;
  draftedById: string;
  ppkSignedById: string | null;
  tender: { paket: { agencyId: string; createdById: string } };
}

/**
 * Reading: any PPK of the paket's agency (contract.manage, as the SPPBJ is issued by that
 * agency's PPK), or a user of the winning vendor (contract.respond).
 */
export function mayRead(actor: Actor, side: ContractSide, agencyId: string, vendorId: string): boolean {
  return side === "PPK"
    ? can(actor, "contract.manage", { agencyId })
    : can(actor, "contract.respond") && actor.vendorId === vendorId;
}

/**
 * Acting, the one rule for every step from sending the draft to the rating: on the PPK side
 * the paket's own PPK, or the PPK who drafted or signed the contract, in the paket's agency;
 * another PPK of the agency may read but not act (the contract binds the PPK who signs it,
 * Perpres 16/2018 Pasal 11 on the PPK's tasks, cited from memory). On the vendor side a user of the winning vendor.
 */
export function mayActOn(actor: Actor, side: ContractSide, contract: ContractParties): boolean {
  const paket = contract.tender.paket;
  if (!mayRead(actor, side, paket.agencyId, contract.vendorId)) return false;
  return (
    side === "PENYEDIA" || [paket.createdById, contract.draftedById, contract.ppkSignedById].includes(actor.userId)
  );
}

/** The PPK side to tell: the paket's maker and whoever drafted the contract. */
export async function ppkUserIds(tx: Tx, contractId: string): Promise<string[]> {
  const c = await tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: { draftedById: true, tender: { select: { paket: { select: { createdById: true } } } } },
  });
  return [...new Set([c.draftedById, c.tender.paket.createdById])];
}

export const contractPath = (contractId: string, side: ContractSide) =>
  side === "PPK" ? `/ppk/kontrak/${contractId}` : `/penyedia/kontrak/${contractId}`;
